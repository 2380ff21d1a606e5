#include <helpdesk/domain/file_types.hpp>

namespace helpdesk {
namespace {

// What services/content_sniffer.cpp recognises, type by type.
constexpr std::string_view png[] = {".png"};
constexpr std::string_view jpeg[] = {".jpg", ".jpeg"};
constexpr std::string_view pdf[] = {".pdf"};
constexpr std::string_view doc[] = {".doc"};
constexpr std::string_view docx[] = {".docx"};
constexpr std::string_view xls[] = {".xls"};
constexpr std::string_view xlsx[] = {".xlsx"};
constexpr std::string_view csv[] = {".csv"};

constexpr file_type attachments[] = {
    {"image/png", png},
    {"image/jpeg", jpeg},
    {"application/pdf", pdf},
    {"application/msword", doc},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx},
    {"application/vnd.ms-excel", xls},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx},
    {"text/csv", csv},
};

constexpr file_type images[] = {
    {"image/png", png},
    {"image/jpeg", jpeg},
};

} // namespace

std::span<const file_type> attachment_types() noexcept { return attachments; }

std::span<const file_type> image_types() noexcept { return images; }

} // namespace helpdesk

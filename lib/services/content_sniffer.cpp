#include "services/content_sniffer.hpp"

#include <algorithm>
#include <cctype>

namespace helpdesk::detail {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) noexcept { return bytes.substr(0, magic.size()) == magic; }

std::string lower_extension(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    std::string ext{dot == std::string_view::npos ? std::string_view{} : file_name.substr(dot + 1)};
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// CSV has no signature: accept text without NUL or other control bytes.
bool looks_like_text(std::string_view bytes) noexcept {
    return !bytes.empty() && std::none_of(bytes.begin(), bytes.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 && c != '\n' && c != '\r' && c != '\t';
    });
}

constexpr std::string_view png_magic{"\x89PNG\r\n\x1a\n", 8};
constexpr std::string_view jpeg_magic{"\xFF\xD8\xFF", 3};
constexpr std::string_view pdf_magic{"%PDF-", 5};
constexpr std::string_view ole2_magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};
constexpr std::string_view zip_magic{"PK\x03\x04", 4};

} // namespace

std::optional<std::string> sniff_image_type(std::string_view bytes) {
    if (starts_with(bytes, png_magic)) {
        return "image/png";
    }
    if (starts_with(bytes, jpeg_magic)) {
        return "image/jpeg";
    }
    return std::nullopt;
}

std::optional<std::string> sniff_attachment_type(std::string_view bytes, std::string_view file_name) {
    if (auto image = sniff_image_type(bytes)) {
        return image;
    }
    if (starts_with(bytes, pdf_magic)) {
        return "application/pdf";
    }
    const auto ext = lower_extension(file_name);
    if (starts_with(bytes, ole2_magic)) {
        if (ext == "doc") {
            return "application/msword";
        }
        if (ext == "xls") {
            return "application/vnd.ms-excel";
        }
        return std::nullopt;
    }
    if (starts_with(bytes, zip_magic)) {
        // Office Open XML packages name their main part in the ZIP directory.
        if (ext == "docx" && bytes.find("word/") != std::string_view::npos) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (ext == "xlsx" && bytes.find("xl/") != std::string_view::npos) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return std::nullopt;
    }
    if (ext == "csv" && looks_like_text(bytes)) {
        return "text/csv";
    }
    return std::nullopt;
}

} // namespace helpdesk::detail

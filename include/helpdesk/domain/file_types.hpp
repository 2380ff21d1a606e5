#pragma once

#include <span>
#include <string_view>

namespace helpdesk {

/// A kind of file the help desk accepts: its MIME type and the file name
/// extensions (lower case, with the dot) it comes with.
struct file_type {
    std::string_view content_type;
    std::span<const std::string_view> extensions;
};

/// The attachment types the engine accepts (png, jpeg, pdf, doc, docx, xls,
/// xlsx, csv), as it recognises them from the bytes. For clients that check
/// a file before uploading it; the engine's check is the one that counts.
[[nodiscard]] std::span<const file_type> attachment_types() noexcept;

/// The profile picture types the engine accepts (PNG and JPEG).
[[nodiscard]] std::span<const file_type> image_types() noexcept;

} // namespace helpdesk

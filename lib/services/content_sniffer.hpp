#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace helpdesk::detail {

/// The MIME type of an allowed upload, decided from its bytes (the client's
/// file name only tells apart formats that share a container: doc/xls in OLE2,
/// docx/xlsx in ZIP, and plain-text CSV). nullopt when the bytes are not one
/// of png, jpeg, pdf, doc, docx, xls, xlsx or csv.
[[nodiscard]] std::optional<std::string> sniff_attachment_type(std::string_view bytes, std::string_view file_name);

/// `image/png` or `image/jpeg` when the bytes are one; nullopt otherwise.
[[nodiscard]] std::optional<std::string> sniff_image_type(std::string_view bytes);

} // namespace helpdesk::detail

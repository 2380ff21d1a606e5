#pragma once

#include <helpdesk/ports/blob_store.hpp>

#include <filesystem>
#include <memory>

namespace helpdesk {

/// A blob store that keeps each blob as a file in one directory (created if
/// missing). Keys must be `[A-Za-z0-9_-]+`; anything else throws
/// `error{invalid_argument}` so no key can escape the directory. Writes go
/// to a temporary file first and are renamed into place. Thread-safe.
[[nodiscard]] std::shared_ptr<blob_store> open_directory_blob_store(const std::filesystem::path& root);

} // namespace helpdesk

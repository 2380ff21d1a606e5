#pragma once

#include <helpdesk/ports/blob_store.hpp>

#include <memory>

namespace helpdesk {

/// A blob store held in memory, for tests and `:memory:` stores. Thread-safe.
[[nodiscard]] std::shared_ptr<blob_store> memory_blob_store();

} // namespace helpdesk

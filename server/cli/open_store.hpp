#pragma once

#include <helpdesk/adapters/sqlite.hpp>
#include <helpdesk/ports/store.hpp>

#include <memory>
#include <string_view>

namespace helpdesk::server {

/// Opens the store a URL names: `sqlite:...` or `postgresql://...` (also
/// `postgres://`). Throws `error{invalid_argument}` for another scheme or an
/// adapter this build left out, and what the adapter throws otherwise.
/// `sqlite_tuning` applies to SQLite stores only.
[[nodiscard]] std::shared_ptr<store> open_store(std::string_view url, const sqlite::options& sqlite_tuning = {});

} // namespace helpdesk::server

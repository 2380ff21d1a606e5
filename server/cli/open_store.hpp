#pragma once

#include <helpdesk/ports/store.hpp>

#include <memory>
#include <string_view>

namespace helpdesk::server {

/// Opens the store a URL names: `sqlite:...` or `postgresql://...` (also
/// `postgres://`). Throws `error{invalid_argument}` for another scheme or an
/// adapter this build left out, and what the adapter throws otherwise.
[[nodiscard]] std::shared_ptr<store> open_store(std::string_view url);

} // namespace helpdesk::server

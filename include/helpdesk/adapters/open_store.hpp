#pragma once

#include <helpdesk/adapters/store_options.hpp>
#include <helpdesk/ports/store.hpp>

#include <memory>
#include <string_view>

namespace helpdesk {

/// Opens the store a URL names, with the store adapters this build has
/// (target `helpdesk::open_store`): `sqlite:///abs/path.db`,
/// `sqlite://relative/path.db` or `sqlite::memory:` (see `sqlite::open`), and
/// `postgresql://...` or `postgres://...` (see `postgres::open`), each with
/// its part of `options`. Throws `error{invalid_argument}` with a
/// `store_url` field error for another scheme or a store this build left
/// out, and what the adapter throws otherwise.
[[nodiscard]] std::shared_ptr<store> open_store(std::string_view url, const store_options& options = {});

} // namespace helpdesk

#pragma once

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/storage_ptr.hpp>

#include <cstddef>

namespace helpdesk::wire {

/// A per-call arena for building a result's JSON: one stack buffer instead of
/// an allocation per value (lists build hundreds). Values built on
/// `storage()` must not outlive the arena.
class json_arena {
public:
    /// The arena's storage, for the views' `sp` arguments.
    [[nodiscard]] boost::json::storage_ptr storage() noexcept { return boost::json::storage_ptr(&resource_); }

private:
    alignas(std::max_align_t) unsigned char buffer_[16 * 1024];
    boost::json::monotonic_resource resource_{buffer_, sizeof buffer_};
};

} // namespace helpdesk::wire

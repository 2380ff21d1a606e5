#pragma once

#include "app/app.hpp"
#include "pipeline/routed_target.hpp"

#include <cstddef>

namespace helpdesk::server {

/// The largest body the route addressed by `target` accepts: the upload
/// limit for upload routes, the JSON limit otherwise (an unparsable target
/// included).
[[nodiscard]] std::size_t body_limit(const app& a, const routed_target& target);

} // namespace helpdesk::server

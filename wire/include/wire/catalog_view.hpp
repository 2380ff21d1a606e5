#pragma once

#include <helpdesk/engine.hpp>

#include <boost/json/object.hpp>

namespace helpdesk::wire {

/// The catalogue a client builds its forms from: departments, categories,
/// priorities, statuses, roles, suffixes, attachment and picture limits, and
/// the password rule.
[[nodiscard]] boost::json::object catalog_json(const engine_options& options);

} // namespace helpdesk::wire

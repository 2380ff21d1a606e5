#include "services/sla_policy_cache.hpp"

#include <helpdesk/blob/memory_blob_store.hpp>
#include <helpdesk/engine.hpp>
#include <helpdesk/error.hpp>

#include <utility>

namespace helpdesk {
namespace {
engine_parts with_defaults(engine_parts parts) {
    if (!parts.db) {
        throw error(errc::invalid_argument, "an engine needs a store");
    }
    if (!parts.blobs) {
        parts.blobs = memory_blob_store();
    }
    if (!parts.time_source) {
        parts.time_source = system_clock();
    }
    if (!parts.random) {
        parts.random = secure_random();
    }
    if (!parts.zones) {
        parts.zones = utc_time_zones();
    }
    return parts;
}
} // namespace

engine_context::engine_context(engine_parts parts, engine_options options)
    : parts_(with_defaults(std::move(parts))), options_(std::move(options)),
      sla_policies_(std::make_unique<detail::sla_policy_cache>()) {}

engine_context::~engine_context() = default;

engine::engine(engine_parts parts, engine_options options) : context_(std::move(parts), std::move(options)) {}

} // namespace helpdesk

#include "pipeline/body_limits.hpp"

namespace helpdesk::server {

std::size_t body_limit(const app& a, const routed_target& target) {
    const auto& found = target.match.found;
    if (found && found->entry->body == body_kind::upload) {
        return a.options.max_upload_body_bytes;
    }
    return a.options.max_json_body_bytes;
}

} // namespace helpdesk::server

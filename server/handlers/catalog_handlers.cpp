#include "handlers/handlers.hpp"

#include "app/json_views.hpp"

namespace helpdesk::server::handlers {

response catalog(call& c) {
    // Fixed for the life of the engine: built once per request from its
    // options (cheap), never from the store.
    return json_response(catalog_json(c.ctx.core.options()));
}

} // namespace helpdesk::server::handlers

#include "handlers/handlers.hpp"

#include "app/json_views.hpp"

#include <wire/catalog_view.hpp>

namespace helpdesk::server::handlers {

response catalog(call& c) {
    // Fixed for the life of the engine: built once per request from its
    // options (cheap), never from the store.
    return json_response(wire::catalog_json(c.desk().options()));
}

} // namespace helpdesk::server::handlers

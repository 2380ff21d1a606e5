// Routes of canned replies, the outbox and operations (the route table is their concatenation).
#include "app/route_groups.hpp"

#include "handlers/handlers.hpp"

namespace helpdesk::server::route_groups {

namespace {

using boost::beast::http::verb;
namespace h = handlers;

// clang-format off
const route routes[] = {
    // Canned replies (staff): one's own and the shared ones.
    {.method = verb::get, .pattern = "/api/canned-replies/", .who = access::bearer,
     .policy = action::use_canned_replies, .handle = h::list_canned_replies,
     .doc = {.operation_id = "listCannedReplies",
             .tag = "canned replies",
             .summary = "Staff: the caller's own canned replies and the shared ones, by title (ASCII case ignored), paged.",
             .response_schema = "CannedReplyPage",
             .query = page_query}},
    {.method = verb::post, .pattern = "/api/canned-replies/", .who = access::bearer,
     .policy = action::use_canned_replies, .body = body_kind::json, .handle = h::create_canned_reply,
     .doc = {.operation_id = "createCannedReply",
             .tag = "canned replies",
             .summary = "Staff: makes a canned reply of the caller's own, or a shared one (`shared`: System Admins); "
                        "an unknown placeholder in `body` is refused. ETag: its version.",
             .request_schema = "NewCannedReply",
             .response_schema = "CannedReply",
             .success_status = 201}},
    {.method = verb::get, .pattern = "/api/canned-replies/{id}/", .who = access::bearer,
     .policy = action::use_canned_replies, .handle = h::get_canned_reply,
     .doc = {.operation_id = "getCannedReply",
             .tag = "canned replies",
             .summary = "Staff: one of the caller's own canned replies or a shared one. ETag: its version.",
             .response_schema = "CannedReply"}},
    {.method = verb::patch, .pattern = "/api/canned-replies/{id}/", .who = access::bearer,
     .policy = action::use_canned_replies, .body = body_kind::json, .handle = h::update_canned_reply,
     .doc = {.operation_id = "updateCannedReply",
             .tag = "canned replies",
             .summary = "Staff: changes the title and/or body of the caller's own reply (a shared one: System Admins), "
                        "honouring If-Match; the version goes up by one.",
             .request_schema = "CannedReplyChange",
             .response_schema = "CannedReply"}},
    {.method = verb::delete_, .pattern = "/api/canned-replies/{id}/", .who = access::bearer,
     .policy = action::use_canned_replies, .handle = h::delete_canned_reply,
     .doc = {.operation_id = "deleteCannedReply",
             .tag = "canned replies",
             .summary = "Staff: deletes the caller's own reply (a shared one: System Admins), honouring If-Match.",
             .success_status = 204}},
    {.method = verb::get, .pattern = "/api/tickets/{id}/canned-replies/{reply_id}/", .who = access::bearer,
     .policy = action::use_canned_replies, .handle = h::render_canned_reply,
     .doc = {.operation_id = "renderCannedReply",
             .tag = "canned replies",
             .summary = "Staff: a canned reply's text with its placeholders filled for this ticket, for the reply box; "
                        "nothing is posted.",
             .response_schema = "RenderedReply"}},

    // Automatic assignment: staff say whether they are available; System Admins set each department's mode.
    {.method = verb::get, .pattern = "/api/employee/availability/", .who = access::bearer,
     .policy = action::set_availability, .handle = h::get_availability,
     .doc = {.operation_id = "getAvailability",
             .tag = "assignment",
             .summary = "Staff: whether the caller is available for automatic assignment (coordinators are until they "
                        "say otherwise, System Admins only once they opt in).",
             .response_schema = "Availability"}},
    {.method = verb::patch, .pattern = "/api/employee/availability/", .who = access::bearer,
     .policy = action::set_availability, .body = body_kind::json, .handle = h::set_availability,
     .doc = {.operation_id = "setAvailability",
             .tag = "assignment",
             .summary = "Staff: marks the caller available (`true`) or away (`false`) for automatic assignment.",
             .request_schema = "AvailabilityChange",
             .response_schema = "Availability"}},
    {.method = verb::get, .pattern = "/api/assignment/departments/", .who = access::bearer,
     .policy = action::manage_assignment, .handle = h::list_assignment_departments,
     .doc = {.operation_id = "listAssignmentDepartments",
             .tag = "assignment",
             .summary = "System Admin: every configured department with its assignment mode and previous automatic "
                        "assignee.",
             .response_schema = "AssignmentDepartments"}},
    {.method = verb::patch, .pattern = "/api/assignment/departments/{department}/", .who = access::bearer,
     .policy = action::manage_assignment, .body = body_kind::json, .handle = h::set_assignment_mode,
     .doc = {.operation_id = "setAssignmentMode",
             .tag = "assignment",
             .summary = "System Admin: sets how a department hands out tickets approved without an assignee "
                        "(`none`, `round_robin`, `least_open`); the department's name is percent-encoded.",
             .request_schema = "AssignmentModeChange",
             .response_schema = "DepartmentAssignment"}},

    // Outbox administration.
    {.method = verb::get, .pattern = "/api/outbox/dead/", .who = access::bearer,
     .policy = action::manage_outbox, .handle = h::dead_events,
     .doc = {.operation_id = "listDeadEvents",
             .tag = "outbox",
             .summary = "System Admin: events parked as dead after failed deliveries, newest first, with their last error.",
             .response_schema = "OutboxEventPage",
             .query = page_query}},
    {.method = verb::post, .pattern = "/api/outbox/{id}/requeue/", .who = access::bearer,
     .policy = action::manage_outbox, .handle = h::requeue_event,
     .doc = {.operation_id = "requeueEvent",
             .tag = "outbox",
             .summary = "System Admin: puts a dead event back in the queue, due now, attempts reset.",
             .response_schema = "OutboxEvent"}},

    // Operations.
    {.method = verb::get, .pattern = "/healthz", .who = access::anyone,
     .handle = h::healthz,
     .doc = {.operation_id = "checkLiveness",
             .tag = "operations",
             .summary = "Liveness: the process answers.",
             .response_schema = "Health"}},
    {.method = verb::get, .pattern = "/readyz", .who = access::anyone,
     .handle = h::readyz,
     .doc = {.operation_id = "checkReadiness",
             .tag = "operations",
             .summary = "Readiness: the store answers.",
             .response_schema = "Health"}},
    {.method = verb::get, .pattern = "/metrics", .who = access::metrics,
     .handle = h::metrics_text,
     .doc = {.operation_id = "getMetrics",
             .tag = "operations",
             .summary = "Prometheus text: requests by route and status, latency, outbox backlog, store errors."}},
    {.method = verb::get, .pattern = "/api/openapi.json", .who = access::anyone,
     .handle = h::openapi,
     .doc = {.operation_id = "getOpenApiDocument",
             .tag = "operations",
             .summary = "This description."}},
};
// clang-format on

} // namespace

std::span<const route> admin_routes() {
    return routes;
}

} // namespace helpdesk::server::route_groups

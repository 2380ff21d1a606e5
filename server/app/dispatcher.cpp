#include "app/dispatcher.hpp"

#include "app/call.hpp"
#include "app/error_response.hpp"
#include "app/http_failure.hpp"
#include "http/cors.hpp"
#include "pipeline/authentication.hpp"
#include "pipeline/client_address.hpp"
#include "pipeline/preflight.hpp"
#include "pipeline/security_headers.hpp"
#include "web/console_path.hpp"

#include <helpdesk/error.hpp>

namespace helpdesk::server {

namespace {

namespace beast_http = boost::beast::http;

// Everything but OPTIONS, once the target parsed; `m` is the match for the
// request's own method.
response route_request(app& a, call& c, route_match m, outcome& out) {
    const auto path = c.url.encoded_path();
    const bool head = c.req.method() == beast_http::verb::head;
    const auto method = head ? beast_http::verb::get : c.req.method();
    if (head) {
        m = match_route(method, path);
    }
    if (m.found) {
        out.answered = served_by::table_route(m.found->index);
        c.params = std::move(m.found->params);
        authenticate(c, m.found->entry->who);
        if (c.who) {
            out.actor = c.who->id;
        }
        return m.found->entry->handle(c);
    }
    if (!m.allow.empty()) {
        throw http_failure(beast_http::status::method_not_allowed, "method_not_allowed",
                           "This path does not take " + std::string{beast_http::to_string(c.req.method())} + ".",
                           {{"Allow", m.allow}});
    }
    if (method == beast_http::verb::get && !is_server_path(path)) {
        // The web console: its files, and index.html for client routes.
        out.answered = served_by::web_console();
        return a.console.answer(path, c.header("If-None-Match"));
    }
    throw error(errc::not_found, "No such endpoint.");
}

} // namespace

outcome dispatch(app& a, const beast_http::request<beast_http::string_body>& req, routed_target target,
                 std::string peer) {
    outcome out;
    out.client = std::move(peer);
    try {
        if (!target.url) {
            throw unparsable_target();
        }
        call c{a, req, *target.url};
        c.client = client_address(a, req, out.client);
        out.client = c.client;
        out.res = req.method() == beast_http::verb::options ? answer_options(a, c, target.url->encoded_path())
                                                             : route_request(a, c, std::move(target.match), out);
    } catch (...) {
        out.res = error_response(std::current_exception(), a.log);
        if (out.res.status == beast_http::status::service_unavailable ||
            out.res.status == beast_http::status::internal_server_error) {
            a.counters.count_store_error();
        }
    }
    if (const auto origin = req.find(beast_http::field::origin);
        origin != req.end() && req.method() != beast_http::verb::options) {
        for (auto& h : cors_for_request(a.cors, std::string_view{origin->value().data(), origin->value().size()}).headers) {
            out.res.headers.push_back(std::move(h));
        }
    }
    add_security_headers(a, out.res);
    return out;
}

} // namespace helpdesk::server

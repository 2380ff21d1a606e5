// The OpenAPI description matches the route table both ways, every $ref
// resolves, every documented route is really served; and /metrics counts
// requests by route and status and reports the outbox backlog.
#include "api_checks.hpp"

#include "app/openapi.hpp"
#include "app/route_table.hpp"

#include <map>
#include <set>
#include <thread>

using namespace http_test;
using namespace http_test::routes;

namespace {

std::string lower(std::string_view text) {
    std::string out{text};
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

void collect_refs(const boost::json::value& v, std::vector<std::string>& out) {
    if (v.is_object()) {
        for (const auto& [k, child] : v.as_object()) {
            if (k == "$ref" && child.is_string()) {
                out.emplace_back(child.as_string());
            } else {
                collect_refs(child, out);
            }
        }
    } else if (v.is_array()) {
        for (const auto& child : v.as_array()) {
            collect_refs(child, out);
        }
    }
}

std::vector<std::string> path_parameters(std::string_view pattern) {
    std::vector<std::string> out;
    for (auto open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
        const auto close = pattern.find('}', open);
        out.emplace_back(pattern.substr(open + 1, close - open - 1));
    }
    return out;
}

/// A concrete path for a pattern: every `{param}` becomes "1".
std::string concrete(std::string_view pattern) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            out += "1";
            i = pattern.find('}', i);
        } else {
            out += pattern[i];
        }
    }
    return out;
}

/// The value of one Prometheus series, or -1 when absent.
double series_value(const std::string& text, const std::string& series) {
    std::size_t at = 0;
    while ((at = text.find(series, at)) != std::string::npos) {
        if ((at == 0 || text[at - 1] == '\n') && text.size() > at + series.size() && text[at + series.size()] == ' ') {
            const auto end = text.find('\n', at);
            return std::stod(text.substr(at + series.size() + 1, end - at - series.size() - 1));
        }
        at += series.size();
    }
    return -1;
}

} // namespace

HTTP_TEST_CASE("openapi.json is OpenAPI 3 and describes exactly the route table") {
    auto r = f.http().get("/api/openapi.json");
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(r.header("Content-Type").starts_with("application/json"));
    const auto doc = r.json();
    REQUIRE(doc.is_object());
    CHECK(std::string{doc.at("openapi").as_string()}.starts_with("3."));
    CHECK(doc.at("info").at("title").is_string());
    CHECK(doc.at("info").at("version").is_string());
    const auto& paths = doc.at("paths").as_object();
    const auto& schemas = doc.at("components").at("schemas").as_object();

    std::set<std::pair<std::string, std::string>> from_table;
    std::set<std::string> operation_ids;
    for (const auto& route : helpdesk::server::route_table()) {
        const std::string pattern{route.pattern};
        const auto method = lower(boost::beast::http::to_string(route.method));
        CAPTURE(pattern);
        CAPTURE(method);
        CHECK(from_table.emplace(pattern, method).second); // no route twice
        const auto* entry = paths.if_contains(pattern);
        REQUIRE_MESSAGE(entry, "route not documented: " << method << " " << pattern);
        const auto* op = entry->as_object().if_contains(method);
        REQUIRE_MESSAGE(op, "method not documented: " << method << " " << pattern);
        const auto& o = op->as_object();
        REQUIRE(o.contains("summary"));
        CHECK(!o.at("summary").as_string().empty());
        CHECK(o.at("summary").as_string() == route.doc.summary);
        REQUIRE(o.contains("responses"));
        const auto& responses = o.at("responses").as_object();
        CHECK(!responses.empty());
        CHECK(responses.contains(std::to_string(route.doc.success_status)));
        for (const auto& [code, response] : responses) {
            CHECK(response.at("description").is_string());
            CHECK((code.size() == 3 && code[0] >= '1' && code[0] <= '5'));
        }
        if (!route.doc.response_schema.empty()) {
            CHECK(responses.at(std::to_string(route.doc.success_status)).at("content").at("application/json").at("schema").at(
                      "$ref") == boost::json::value("#/components/schemas/" + std::string{route.doc.response_schema}));
        }
        if (!route.doc.request_schema.empty()) {
            REQUIRE(o.contains("requestBody"));
            CHECK(!o.at("requestBody").at("content").as_object().empty());
        }
        if (route.who != helpdesk::server::access::anyone) {
            CHECK(responses.contains("401"));
        }
        if (route.limits == helpdesk::server::throttling::rate_limited) {
            CHECK(responses.contains("429"));
        }
        if (route.body == helpdesk::server::body_kind::upload) {
            CHECK(responses.contains("413"));
            CHECK(o.at("requestBody").at("content").as_object().contains("multipart/form-data"));
        }
        // Every operation names itself and its security (`[]` when anonymous).
        CHECK(o.at("operationId").as_string() == route.doc.operation_id);
        CHECK(operation_ids.insert(std::string{route.doc.operation_id}).second);
        REQUIRE(o.contains("security"));
        const bool anonymous = (route.who == helpdesk::server::access::anyone ||
                                route.who == helpdesk::server::access::signed_url) &&
                               route.pattern != "/api/token/refresh/"; // the refresh cookie, optionally
        CHECK(o.at("security").as_array().empty() == anonymous);
        // Every path parameter is declared.
        for (const auto& name : path_parameters(pattern)) {
            bool declared = false;
            if (const auto* params = o.if_contains("parameters")) {
                for (const auto& p : params->as_array()) {
                    declared = declared || (p.at("name").as_string() == name && p.at("in").as_string() == "path" &&
                                            p.at("required").as_bool());
                }
            }
            CHECK_MESSAGE(declared, "path parameter " << name << " not declared");
        }
        // Documented query parameters are declared.
        std::string_view query = route.doc.query;
        while (!query.empty()) {
            const auto comma = query.find(',');
            const auto name = query.substr(0, comma);
            bool declared = false;
            for (const auto& p : o.at("parameters").as_array()) {
                declared = declared || (p.at("name").as_string() == name && p.at("in").as_string() == "query");
            }
            CHECK_MESSAGE(declared, "query parameter " << name << " not declared");
            query = comma == std::string_view::npos ? std::string_view{} : query.substr(comma + 1);
        }
    }

    // And the other way: nothing documented that is not a route.
    std::set<std::pair<std::string, std::string>> from_document;
    for (const auto& [path, entry] : paths) {
        for (const auto& [method, op] : entry.as_object()) {
            if (method == "parameters" || method == "summary" || method == "description") {
                continue;
            }
            from_document.emplace(std::string{path}, std::string{method});
            (void)op;
        }
    }
    CHECK(from_document == from_table);

    // Every $ref points into components.schemas and resolves there, and so
    // do the refs inside the schemas themselves.
    std::vector<std::string> refs;
    collect_refs(doc, refs);
    CHECK(!refs.empty());
    const std::string prefix = "#/components/schemas/";
    for (const auto& ref : refs) {
        CAPTURE(ref);
        REQUIRE(ref.starts_with(prefix));
        CHECK(schemas.contains(ref.substr(prefix.size())));
    }
    CHECK(schemas.contains("Error"));
    const auto& error_schema = schemas.at("Error").as_object();
    CHECK(error_schema.at("properties").as_object().contains("field_errors"));
    // Every list answers the one envelope, its count null on cursor pages.
    for (const auto* page : {"AccountPage", "RejectedAccountPage", "OutboxEventPage", "TicketPage", "CommentPage",
                             "HistoryPage", "ApiKeyPage"}) {
        CAPTURE(page);
        REQUIRE(schemas.contains(page));
        const auto& properties = schemas.at(page).at("properties").as_object();
        CHECK(properties.at("count").at("nullable") == boost::json::value(true));
        CHECK(properties.at("next").at("nullable") == boost::json::value(true));
        CHECK(properties.at("previous").at("nullable") == boost::json::value(true));
        CHECK(properties.at("results").at("type") == boost::json::value("array"));
    }
    CHECK_FALSE(schemas.contains("HistoryList"));
    CHECK_FALSE(schemas.contains("ApiKeyList"));
    // Security schemes used by the operations exist.
    const auto& security = doc.at("components").at("securitySchemes").as_object();
    CHECK(security.contains("bearer"));
    CHECK(security.contains("api_key"));
    CHECK(security.at("api_key").at("in").as_string() == "header");
    // Served as is on a second fetch, and cacheable.
    const auto again = f.http().get("/api/openapi.json");
    CHECK(again.body == r.body);
    CHECK(again.header("Cache-Control") != "no-store");
}

HTTP_TEST_CASE("every route in the table is served, and nothing undocumented answers") {
    for (const auto& route : helpdesk::server::route_table()) {
        const auto target = concrete(route.pattern);
        CAPTURE(target);
        CAPTURE(boost::beast::http::to_string(route.method));
        const bool post = route.method == boost::beast::http::verb::post;
        const auto r = web.send(route.method, target, post ? "{}" : "",
                                post ? header_list{{"Content-Type", "application/json"}} : header_list{});
        CHECK(r.status != 405);
        CHECK(r.status < 500);
        if (r.status == 404) {
            // A matched route may say its object is missing, never "No such endpoint".
            CHECK(r.body.find("No such endpoint") == std::string::npos);
        }
        if (route.who != helpdesk::server::access::anyone && route.who != helpdesk::server::access::metrics) {
            CHECK(r.status == 401);
        }
    }
    // No anonymous debug endpoints (docs/product.md#server-protections), no config dump, no mail relay.
    // (`/api/token/` is the one sign-in route; `/debug` and
    // `/admin/` would be console pages, and this server has no console.)
    for (const std::string path : {"/api/debug/", "/api/config/", "/api/send-mail/", "/api/test-email/", "/debug",
                                   "/api/tickets/1/delete/", "/admin/"}) {
        CAPTURE(path);
        const auto got = web.get(path);
        const auto posted = web.post(path, boost::json::object{});
        CHECK((got.status == 404 || got.status == 405));
        CHECK((posted.status == 404 || posted.status == 405));
        check_error(got, got.status, got.status == 404 ? "not_found" : "method_not_allowed");
    }
    // Tickets cannot be deleted or replaced (docs/product.md#ticket-fields): no DELETE or PUT
    // anywhere; PATCH edits an approved ticket's fields (docs/product.md#editing-a-ticket).
    for (const auto verb : {http::verb::delete_, http::verb::put}) {
        const auto r = web.send(verb, "/api/tickets/1/", "", {});
        check_error(r, 405, "method_not_allowed");
    }
    check_error(web.send(http::verb::patch, "/api/tickets/1/", "", {}), 401, "unauthenticated");
}

HTTP_TEST_CASE("metrics count requests by route and status and report the outbox backlog") {
    const auto alice = f.account("Alice");
    for (int i = 0; i < 3; ++i) {
        REQUIRE(web.get("/api/tickets/", alice.access).status == 200);
    }
    REQUIRE(web.get("/api/tickets/").status == 401);
    REQUIRE(web.get("/api/tickets/999999/", alice.access).status == 404);
    REQUIRE(web.get("/api/no-such-thing/").status == 404);
    f.ticket(alice);

    reply metrics;
    // The counters are updated once each response is written: allow a moment.
    for (int attempt = 0; attempt < 50; ++attempt) {
        metrics = web.get("/metrics");
        REQUIRE(metrics.status == 200);
        if (series_value(metrics.body, R"(helpdesk_http_requests_total{route="POST /api/tickets/",status="201"})") >= 1) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    CHECK(metrics.header("Content-Type").starts_with("text/plain"));
    const auto& text = metrics.body;
    CHECK(text.find("# TYPE helpdesk_http_requests_total counter") != std::string::npos);
    CHECK(series_value(text, R"(helpdesk_http_requests_total{route="GET /api/tickets/",status="200"})") >= 3);
    CHECK(series_value(text, R"(helpdesk_http_requests_total{route="GET /api/tickets/",status="401"})") >= 1);
    CHECK(series_value(text, R"(helpdesk_http_requests_total{route="GET /api/tickets/{id}/",status="404"})") >= 1);
    CHECK(series_value(text, R"(helpdesk_http_requests_total{route="unmatched",status="404"})") >= 1);
    CHECK(series_value(text, R"(helpdesk_http_requests_total{route="POST /api/tickets/",status="201"})") >= 1);
    CHECK(series_value(text, R"(helpdesk_http_requests_total{route="POST /api/create_employee/",status="201"})") >= 1);
    CHECK(text.find("helpdesk_http_request_duration_seconds_bucket{route=\"GET /api/tickets/\",le=\"+Inf\"}") !=
          std::string::npos);
    // The outbox backlog gauge agrees with the engine (a new ticket queued its notice).
    CHECK(text.find("# TYPE helpdesk_outbox_pending gauge") != std::string::npos);
    const auto pending = f.desk().outbox().count(helpdesk::outbox_state::pending);
    CHECK(pending >= 1);
    CHECK(series_value(text, "helpdesk_outbox_pending") == static_cast<double>(pending));
    CHECK(series_value(text, "helpdesk_outbox_dead") == 0);
    CHECK(series_value(text, "helpdesk_store_errors_total") == 0);
    // No token or personal data leaks into the metrics.
    CHECK(text.find(alice.email) == std::string::npos);
    CHECK(text.find("999999") == std::string::npos);

    // Counts only go up.
    REQUIRE(web.get("/api/tickets/", alice.access).status == 200);
    double after = 0;
    for (int attempt = 0; attempt < 50; ++attempt) {
        after = series_value(web.get("/metrics").body, R"(helpdesk_http_requests_total{route="GET /api/tickets/",status="200"})");
        if (after >= 4) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
    CHECK(after >= 4);
}

TEST_CASE_TEMPLATE("metrics behind a token when one is configured", Factory, HTTP_STORES) {
    server_fixture<Factory> f{[](helpdesk::server_options& o) { o.metrics_token = "metrics-token-0123456789"; }};
    auto& web = f.http();
    check_error(web.get("/metrics"), 401, "unauthenticated");
    check_error(web.get("/metrics", "wrong-token"), 401, "unauthenticated");
    check_error(web.get("/metrics?token=metrics-token-0123456789"), 401, "unauthenticated");
    const auto ok = web.get("/metrics", "metrics-token-0123456789");
    REQUIRE(ok.status == 200);
    CHECK(ok.body.find("helpdesk_http_requests_total") != std::string::npos);
    // The rest of the operations routes stay open.
    CHECK(web.get("/healthz").status == 200);
    CHECK(web.get("/readyz").status == 200);
    CHECK(web.get("/api/openapi.json").status == 200);
}

TEST_CASE("openapi - each operation says who may call it, the roles read from the policy") {
    const auto doc = boost::json::parse(helpdesk::server::openapi_document());
    const auto description = [&](std::string_view path, std::string_view method) {
        return std::string{doc.at("paths").at(path).at(method).at("description").as_string()};
    };
    CHECK(description("/api/tickets/{id}/approve/", "post") ==
          "Who may call: bearer token; Ticket Coordinator, System Admin.");
    CHECK(description("/api/tickets/{id}/", "get") ==
          "Who may call: bearer token; Employee (own tickets), Ticket Coordinator, System Admin.");
    CHECK(description("/api/tickets/{id}/withdraw/", "post") ==
          "Who may call: bearer token; the ticket's owner, whatever the role.");
    CHECK(description("/api/outbox/dead/", "get") == "Who may call: bearer token; System Admin.");
    CHECK(description("/api/catalog/", "get") == "Who may call: anyone.");
}

#include "app/openapi.hpp"

#include "app/route_callers.hpp"
#include "app/route_table.hpp"

#include <boost/json/serialize.hpp>

#include <cctype>

namespace helpdesk::server {

namespace {

boost::json::object ref(std::string_view schema) {
    return {{"$ref", "#/components/schemas/" + std::string{schema}}};
}

boost::json::object error_response_entry(std::string_view description) {
    return {{"description", description},
            {"content", {{"application/json", {{"schema", ref("Error")}}}}}};
}

constexpr std::string_view cookie_mode_text =
    "Browsers: send the header `X-Helpdesk-Session: cookie` to use a cookie session. Login and refresh then "
    "answer without `refresh` in the body and set `helpdesk_refresh=<token>; Path=/api/token/; HttpOnly; "
    "SameSite=Strict; Max-Age=<refresh lifetime>` (plus `Secure` under TLS); refresh reads that cookie (send `{}` "
    "or no body); logout revokes the cookie's session, with or without a bearer token, and clears the cookie. "
    "In cookie mode a request with an `Origin` other than the server's own or an allowed CORS origin is refused "
    "(403). Without the header nothing changes: tokens travel in the JSON bodies and cookies are ignored.";

// The token routes' cookie mode: its header, what it changes, how it is refused.
void describe_cookie_mode(const route& r, boost::json::object& op, boost::json::array& parameters) {
    parameters.push_back({{"name", "X-Helpdesk-Session"},
                          {"in", "header"},
                          {"required", false},
                          {"description", "`cookie`: keep the refresh token in an HttpOnly cookie (browsers)."},
                          {"schema", {{"type", "string"}, {"enum", boost::json::array{"cookie"}}}}});
    op["description"] = cookie_mode_text;
    if (r.pattern == "/api/token/refresh/" || r.who == access::bearer_or_cookie) {
        op["security"] = boost::json::array{r.who == access::bearer_or_cookie ? boost::json::object{{"bearer", boost::json::array{}}}
                                                                               : boost::json::object{},
                                            {{"refresh_cookie", boost::json::array{}}}};
    }
}

// Anonymous routes say so with an empty list; a signed URL carries its
// signature as query parameters, documented on the operation.
boost::json::array security_of(access scheme) {
    const auto requirement = [](std::string_view name) { return boost::json::object{{name, boost::json::array{}}}; };
    switch (scheme) {
    case access::bearer: return {requirement("bearer")};
    case access::api_key: return {requirement("api_key")};
    case access::metrics: return {boost::json::object{}, requirement("metrics_token")};
    case access::bearer_or_cookie: return {requirement("bearer"), requirement("refresh_cookie")};
    case access::anyone:
    case access::signed_url: return {};
    }
    return {};
}

boost::json::object operation(const route& r) {
    boost::json::object op;
    op["operationId"] = r.doc.operation_id;
    op["summary"] = r.doc.summary;
    const bool token_route = r.pattern.starts_with("/api/token/");
    op["tags"] = boost::json::array{r.doc.tag};
    boost::json::array parameters;
    std::string_view pattern = r.pattern;
    for (auto open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
        const auto close = pattern.find('}', open);
        parameters.push_back({{"name", pattern.substr(open + 1, close - open - 1)},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", "string"}}}});
    }
    std::string_view query = r.doc.query;
    while (!query.empty()) {
        const auto comma = query.find(',');
        parameters.push_back(
            {{"name", query.substr(0, comma)}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
        query = comma == std::string_view::npos ? std::string_view{} : query.substr(comma + 1);
    }
    if (r.who == access::bearer) {
        parameters.push_back({{"name", "If-Match"}, {"in", "header"}, {"required", false}, {"schema", {{"type", "string"}}}});
    }
    if (token_route) {
        describe_cookie_mode(r, op, parameters);
    }
    if (!parameters.empty()) {
        op["parameters"] = std::move(parameters);
    }
    if (!r.doc.request_schema.empty()) {
        boost::json::object content;
        if (r.body != body_kind::upload) {
            content["application/json"] = {{"schema", ref(r.doc.request_schema)}};
        }
        if (r.body == body_kind::form || r.body == body_kind::upload) {
            content["multipart/form-data"] = {{"schema", ref(r.doc.request_schema)}};
        }
        // In cookie mode the refresh token comes from the cookie, not the body.
        op["requestBody"] = {{"required", r.pattern != "/api/token/refresh/"}, {"content", std::move(content)}};
    }
    boost::json::object responses;
    boost::json::object ok{{"description", "Success."}};
    if (!r.doc.response_schema.empty()) {
        ok["content"] = {{"application/json", {{"schema", ref(r.doc.response_schema)}}}};
    }
    responses[std::to_string(r.doc.success_status)] = std::move(ok);
    if (!r.doc.request_schema.empty() || !r.doc.query.empty()) {
        // The lists refuse what they do not understand rather than ignore it.
        const bool list = !r.doc.query.empty() && r.who == access::bearer;
        responses["400"] = error_response_entry(list ? "Invalid input, a query parameter this route does not list, or "
                                                       "a filter value it does not know."
                                                     : "Invalid input.");
    }
    if (r.who != access::anyone || token_route) {
        responses["401"] = error_response_entry("Missing, invalid or expired credentials.");
        responses["403"] = error_response_entry(token_route ? "Not approved (`your account is pending approval`), a role "
                                                              "this route does not admit, or a cookie-mode request from "
                                                              "another site."
                                                            : "The caller may not do this.");
    }
    if (r.pattern.find('{') != std::string_view::npos) {
        responses["404"] = error_response_entry("Not found, or not visible to the caller.");
        responses["409"] = error_response_entry("The current state does not allow it, or a duplicate.");
        responses["412"] = error_response_entry("A stale If-Match version.");
    }
    if (r.body == body_kind::upload) {
        responses["413"] = error_response_entry("Too large: the body, or a file over its limit.");
    }
    if (!r.doc.request_schema.empty()) {
        responses["415"] = error_response_entry("A body of another media type, or a file of a type not accepted.");
    }
    if (r.limits == throttling::rate_limited) {
        responses["429"] = error_response_entry("Rate limited; see Retry-After.");
    }
    op["responses"] = std::move(responses);
    const auto callers = describe_callers(r);
    op["description"] = op.contains("description")
                            ? std::string{op.at("description").as_string()} + "\n\nWho may call: " + callers + "."
                            : "Who may call: " + callers + ".";
    if (!op.contains("security")) {
        op["security"] = security_of(r.who);
    }
    return op;
}

std::string build() {
    boost::json::object paths;
    for (const auto& r : route_table()) {
        auto& entry = paths[r.pattern];
        if (!entry.is_object()) {
            entry = boost::json::object{};
        }
        std::string method{boost::beast::http::to_string(r.method)};
        for (auto& ch : method) {
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
        entry.as_object()[method] = operation(r);
    }
    boost::json::object doc;
    doc["openapi"] = "3.0.3";
    doc["info"] = {{"title", "helpdesk"},
                   {"version", HELPDESK_SERVER_VERSION},
                   {"license", {{"name", "MIT"}, {"url", "https://opensource.org/licenses/MIT"}}},
                   {"description", "The SmartSupport help-desk REST API served by helpdesk-server. " +
                                       std::string{cookie_mode_text}}};
    // Relative: the document is served by, and describes, the server it came from.
    doc["servers"] = boost::json::array{{{"url", "/"}, {"description", "the helpdesk-server that serves this document"}}};
    doc["paths"] = std::move(paths);
    doc["components"] = {{"schemas", openapi_schemas()},
                         {"securitySchemes",
                          {{"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}},
                           {"api_key", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-API-Key"}}},
                           {"metrics_token",
                            {{"type", "http"},
                             {"scheme", "bearer"},
                             {"description", "The metrics token (--metrics-token), when one is configured."}}},
                           {"refresh_cookie",
                            {{"type", "apiKey"},
                             {"in", "cookie"},
                             {"name", "helpdesk_refresh"},
                             {"description", "The refresh token of a cookie session (send X-Helpdesk-Session: cookie)."}}}}}};
    return boost::json::serialize(doc);
}

} // namespace

const std::string& openapi_document() {
    static const std::string document = build();
    return document;
}

} // namespace helpdesk::server

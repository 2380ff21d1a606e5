#include "pipeline/preflight.hpp"

#include "app/route_table.hpp"
#include "http/cors.hpp"

#include <boost/beast/http/verb.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace helpdesk::server {

namespace {

namespace beast_http = boost::beast::http;

std::vector<std::string_view> methods_of(std::string_view encoded_path) {
    std::vector<std::string_view> methods;
    for (const auto v : {beast_http::verb::get, beast_http::verb::post, beast_http::verb::patch,
                         beast_http::verb::delete_}) {
        if (match_route(v, encoded_path).found) {
            methods.push_back(beast_http::to_string(v));
        }
    }
    return methods;
}

std::string comma_list(const std::vector<std::string_view>& items) {
    std::string out;
    for (const auto item : items) {
        out += (out.empty() ? "" : ", ") + std::string{item};
    }
    return out;
}

} // namespace

response answer_options(const app& a, const call& c, std::string_view encoded_path) {
    auto methods = methods_of(encoded_path);
    const auto origin = c.header("Origin").value_or("");
    const auto method = c.header("Access-Control-Request-Method").value_or("");
    const auto headers = c.header("Access-Control-Request-Headers").value_or("");
    if (origin.empty() || method.empty()) {
        // Not a CORS preflight: a plain OPTIONS answers which methods exist.
        methods.emplace_back("OPTIONS");
        auto r = empty_response(beast_http::status::no_content);
        r.headers.emplace_back("Allow", comma_list(methods));
        return r;
    }
    if (std::find(methods.begin(), methods.end(), "GET") != methods.end()) {
        methods.emplace_back("HEAD");
    }
    methods.emplace_back("OPTIONS");
    const auto cors = cors_for_preflight(a.cors, origin, method, headers, methods);
    auto r = empty_response(cors.origin_allowed ? beast_http::status::no_content : beast_http::status::forbidden);
    for (const auto& h : cors.headers) {
        r.headers.push_back(h);
    }
    return r;
}

} // namespace helpdesk::server

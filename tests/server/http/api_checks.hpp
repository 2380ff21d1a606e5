#pragma once

// Small checks shared by the route tests (accounts, tickets, lifecycle,
// files, workflow, OpenAPI): the one error body, headers, ids.

#include "server_fixture.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

// Own namespace: other headers of this folder define helpers with the same
// names (an inline function defined twice differently breaks the ODR).
namespace http_test::routes {

/// `Authorization: Bearer <token>` as a header list.
inline header_list bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

/// An id as a path segment.
inline std::string id_of(const boost::json::object& o) {
    return std::to_string(o.at("id").as_int64());
}
inline std::string id_of(const person& p) {
    return std::to_string(p.id);
}

/// Checks the error body of docs/product.md#errors: the status, `{"error": code, "detail":
/// non-empty sentence}`, and nothing but error/detail/field_errors.
inline void check_error(const reply& r, unsigned status, std::string_view code) {
    CHECK_MESSAGE(r.status == status, "expected " << status << ", got " << r.status << ": " << r.body);
    CHECK_MESSAGE(r.header("Content-Type").starts_with("application/json"), r.header("Content-Type"));
    boost::system::error_code ec;
    const auto v = boost::json::parse(r.body, ec);
    REQUIRE_MESSAGE(!ec, "error body is not JSON: " << r.body);
    REQUIRE_MESSAGE(v.is_object(), r.body);
    const auto& o = v.as_object();
    REQUIRE_MESSAGE(o.contains("error"), r.body);
    REQUIRE_MESSAGE(o.contains("detail"), r.body);
    CHECK_MESSAGE(o.at("error").as_string() == code, r.body);
    CHECK_MESSAGE(!o.at("detail").as_string().empty(), r.body);
    for (const auto& [k, value] : o) {
        CHECK_MESSAGE((k == "error" || k == "detail" || k == "field_errors"), "unexpected key " << k << " in " << r.body);
        (void)value;
    }
    if (const auto* fields = o.if_contains("field_errors")) {
        REQUIRE_MESSAGE(fields->is_object(), r.body);
        for (const auto& [name, messages] : fields->as_object()) {
            CHECK_MESSAGE(messages.is_array(), "field_errors." << name << " is not a list: " << r.body);
            CHECK_MESSAGE(!messages.as_array().empty(), "field_errors." << name << " is empty: " << r.body);
        }
    }
}

/// `check_error` plus a non-empty `field_errors[field]`.
inline void check_field_error(const reply& r, unsigned status, std::string_view code, std::string_view field) {
    check_error(r, status, code);
    const auto v = boost::json::parse(r.body);
    const auto* fields = v.as_object().if_contains("field_errors");
    REQUIRE_MESSAGE(fields, "no field_errors in " << r.body);
    const auto* messages = fields->as_object().if_contains(field);
    REQUIRE_MESSAGE(messages, "no field_errors." << field << " in " << r.body);
    REQUIRE(messages->is_array());
    CHECK(!messages->as_array().empty());
    CHECK(messages->as_array()[0].is_string());
}

/// Whether the error body names `field` in field_errors.
inline bool has_field_error(const reply& r, std::string_view field) {
    boost::system::error_code ec;
    const auto v = boost::json::parse(r.body, ec);
    if (ec || !v.is_object()) {
        return false;
    }
    const auto* fields = v.as_object().if_contains("field_errors");
    return fields && fields->is_object() && fields->as_object().contains(field);
}

/// Seconds since the Unix epoch (signed URL expiry).
inline std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// The path and query of a URL the server returned (signed URLs are paths).
inline std::string path_of(const std::string& url) {
    return url.substr(0, url.find('?'));
}

/// Replaces one query parameter's value in a relative URL.
inline std::string with_param(const std::string& url, const std::string& name, const std::string& value) {
    const auto q = url.find('?');
    REQUIRE(q != std::string::npos);
    std::string out = url.substr(0, q + 1);
    std::string_view rest = std::string_view{url}.substr(q + 1);
    bool first = true;
    bool found = false;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        auto item = rest.substr(0, amp);
        const auto eq = item.find('=');
        const auto key = item.substr(0, eq);
        if (!first) {
            out += '&';
        }
        first = false;
        if (key == name) {
            out += name + "=" + value;
            found = true;
        } else {
            out += item;
        }
        if (amp == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(amp + 1);
    }
    REQUIRE_MESSAGE(found, "no " << name << " in " << url);
    return out;
}

/// A query parameter's value in a relative URL ("" when absent).
inline std::string param_of(const std::string& url, const std::string& name) {
    const auto q = url.find('?');
    if (q == std::string::npos) {
        return {};
    }
    std::string_view rest = std::string_view{url}.substr(q + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        auto item = rest.substr(0, amp);
        const auto eq = item.find('=');
        if (item.substr(0, eq) == name) {
            return eq == std::string_view::npos ? std::string{} : std::string{item.substr(eq + 1)};
        }
        if (amp == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(amp + 1);
    }
    return {};
}

} // namespace http_test::routes

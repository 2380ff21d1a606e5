#pragma once

#include "errors.hpp"

#include <boost/json/value.hpp>

#include <string_view>

/// How results leave the C ABI: malloc'd, NUL-terminated strings that the
/// caller frees with hd_string_free (which is free()).
namespace helpdesk::capi {

/// A malloc'd copy of `text`; throws std::bad_alloc when malloc fails.
[[nodiscard]] char* malloc_copy(std::string_view text);

/// Serialises `value` into a malloc'd string.
[[nodiscard]] char* malloc_json(const boost::json::value& value);

/// The body of every JSON-returning entry point: clears `*out` (when `out`
/// is not NULL), refuses a NULL `out` (named `out_name`), runs `body` (which
/// returns a JSON value) under `guard`, and stores the serialised result in
/// `*out` only when everything succeeded.
template <class Body>
int json_call(char** out, const char* out_name, Body&& body) noexcept {
    if (out != nullptr) {
        *out = nullptr;
    }
    return guard([&] {
        require(out, out_name);
        const boost::json::value result = body();
        *out = malloc_json(result);
    });
}

} // namespace helpdesk::capi

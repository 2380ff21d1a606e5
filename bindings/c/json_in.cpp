#include "json_in.hpp"

#include "errors.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace helpdesk::capi {

request_object request_object::parse(const char* text, const char* parameter) {
    require(text, parameter);
    boost::system::error_code ec;
    auto value = boost::json::parse(text, ec);
    if (ec) {
        throw error(errc::invalid_argument, std::string{parameter} + " is not valid JSON: " + ec.message() + ".",
                    {{parameter, {"Not valid JSON."}}});
    }
    if (!value.is_object()) {
        throw error(errc::invalid_argument, std::string{parameter} + " must be a JSON object.",
                    {{parameter, {"Must be a JSON object."}}});
    }
    return request_object{std::move(value.as_object())};
}

request_object request_object::parse_optional(const char* text, const char* parameter) {
    return text == nullptr ? request_object{{}} : parse(text, parameter);
}

std::optional<std::string> request_object::text(std::string_view name) {
    const auto* v = fields_.if_contains(name);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        refuse(name, "Must be a string.");
        return std::nullopt;
    }
    return std::string{v->as_string()};
}

std::string request_object::text_or_empty(std::string_view name) {
    return text(name).value_or("");
}

std::optional<std::string> request_object::raw(std::string_view name) const {
    const auto* v = fields_.if_contains(name);
    if (v == nullptr) {
        return std::nullopt;
    }
    return v->is_string() ? std::string{v->as_string()} : boost::json::serialize(*v);
}

std::optional<std::int64_t> request_object::integer(std::string_view name) {
    const auto* v = fields_.if_contains(name);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (!v->is_int64()) {
        refuse(name, "Must be an integer.");
        return std::nullopt;
    }
    return v->as_int64();
}

std::optional<std::int64_t> request_object::id(std::string_view name) {
    const auto* v = fields_.if_contains(name);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    if (!v->is_int64() || v->as_int64() <= 0) {
        refuse(name, "Must be a positive integer id.");
        return std::nullopt;
    }
    return v->as_int64();
}

std::vector<std::string> request_object::texts(std::string_view name) {
    std::vector<std::string> out;
    const auto* v = fields_.if_contains(name);
    if (v == nullptr || v->is_null()) {
        return out;
    }
    if (v->is_string()) {
        out.emplace_back(v->as_string());
        return out;
    }
    if (v->is_array()) {
        for (const auto& item : v->as_array()) {
            if (!item.is_string()) {
                refuse(name, "Must be a string or an array of strings.");
                return {};
            }
            out.emplace_back(item.as_string());
        }
        return out;
    }
    refuse(name, "Must be a string or an array of strings.");
    return {};
}

void request_object::refuse(std::string_view name, std::string message) {
    problems_[std::string{name}].push_back(std::move(message));
}

void request_object::check() const {
    if (problems_.empty()) {
        return;
    }
    std::string names;
    for (const auto& [name, messages] : problems_) {
        names += names.empty() ? name : ", " + name;
    }
    throw error(errc::invalid_argument, "Some fields are not valid: " + names + ".", problems_);
}

} // namespace helpdesk::capi

#include <wire/request_fields.hpp>

#include "json_members.hpp"

#include <boost/json/serialize.hpp>

#include <charconv>

namespace helpdesk::wire {

namespace {

std::optional<std::int64_t> positive_integer(std::string_view text) {
    std::int64_t out = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || out <= 0) {
        return std::nullopt;
    }
    return out;
}

} // namespace

void throw_problems(const field_errors& problems, std::string_view noun) {
    if (problems.empty()) {
        return;
    }
    if (problems.size() == 1) {
        throw error(errc::invalid_argument,
                    "The " + std::string{noun} + " " + problems.begin()->first + " is not valid.", problems);
    }
    std::string names;
    for (const auto& [name, messages] : problems) {
        names += names.empty() ? name : ", " + name;
    }
    throw error(errc::invalid_argument, "Some " + std::string{noun} + "s are not valid: " + names + ".", problems);
}

request_fields::request_fields(boost::json::object members) : members_(std::move(members)) {}

request_fields::request_fields(std::vector<form_field> parts) : parts_(std::move(parts)), multipart_(true) {}

bool request_fields::has(std::string_view name) const {
    if (!multipart_) {
        return members_.contains(name);
    }
    for (const auto& p : parts_) {
        if (p.name == name) {
            return true;
        }
    }
    return false;
}

std::optional<std::string> request_fields::text(std::string_view name) {
    if (!multipart_) {
        bool wrong_type = false;
        auto out = detail::string_member(members_, name, wrong_type);
        if (wrong_type) {
            refuse(name, "Must be a string.");
        }
        return out;
    }
    for (const auto& p : parts_) {
        if (p.name == name) {
            if (p.file_name) {
                refuse(name, "Must be a text field, not a file.");
                return std::nullopt;
            }
            return p.body;
        }
    }
    return std::nullopt;
}

std::string request_fields::required_text(std::string_view name) {
    const auto noted = problems_.size();
    auto value = text(name);
    if (!value) {
        if (problems_.size() == noted) {
            refuse(name, "This field is required.");
        }
        return {};
    }
    return std::move(*value);
}

std::optional<bool> request_fields::flag(std::string_view name) {
    if (!multipart_) {
        const auto* v = detail::present(members_, name);
        if (v == nullptr) {
            return std::nullopt;
        }
        if (!v->is_bool()) {
            refuse(name, "Must be true or false.");
            return std::nullopt;
        }
        return v->as_bool();
    }
    const auto value = text(name);
    if (!value) {
        return std::nullopt;
    }
    if (*value == "true" || *value == "1") {
        return true;
    }
    if (*value == "false" || *value == "0") {
        return false;
    }
    refuse(name, "Must be true or false.");
    return std::nullopt;
}

std::optional<std::int64_t> request_fields::id(std::string_view name) {
    std::optional<std::string> value;
    if (!multipart_) {
        const auto* v = detail::present(members_, name);
        if (v == nullptr) {
            return std::nullopt;
        }
        if (v->is_int64() && v->as_int64() > 0) {
            return v->as_int64();
        }
        if (!v->is_string()) {
            refuse(name, "Must be a positive integer id.");
            return std::nullopt;
        }
        value = std::string{v->as_string()};
    } else {
        const auto noted = problems_.size();
        value = text(name);
        if (!value || problems_.size() != noted) {
            return std::nullopt;
        }
    }
    const auto out = positive_integer(*value);
    if (!out) {
        refuse(name, "Must be a positive integer id.");
    }
    return out;
}

std::vector<new_attachment> request_fields::files(std::string_view name) {
    std::vector<new_attachment> out;
    for (const auto& p : parts_) {
        if (p.name == name) {
            if (!p.file_name) {
                refuse(name, "Must be a file.");
                return {};
            }
            out.push_back(new_attachment{*p.file_name, p.body});
        }
    }
    return out;
}

std::optional<std::string> request_fields::raw(std::string_view name) const {
    if (!multipart_) {
        const auto* v = members_.if_contains(name);
        if (!v) {
            return std::nullopt;
        }
        return v->is_string() ? std::string{v->as_string()} : boost::json::serialize(*v);
    }
    for (const auto& p : parts_) {
        if (p.name == name) {
            return p.file_name ? *p.file_name : p.body;
        }
    }
    return std::nullopt;
}

std::vector<std::string> request_fields::names() const {
    std::vector<std::string> out;
    if (!multipart_) {
        for (const auto& field : members_) {
            out.emplace_back(field.key());
        }
        return out;
    }
    for (const auto& p : parts_) {
        out.push_back(p.name);
    }
    return out;
}

void request_fields::refuse(std::string_view name, std::string message) {
    problems_[std::string{name}].push_back(std::move(message));
}

void request_fields::check() const {
    throw_problems(problems_, "field");
}

} // namespace helpdesk::wire

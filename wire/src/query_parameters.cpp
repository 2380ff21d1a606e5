#include <wire/query_parameters.hpp>
#include <wire/request_fields.hpp>

#include "json_members.hpp"

#include <algorithm>
#include <charconv>

namespace helpdesk::wire {

query_parameters query_parameters::from_url(std::vector<std::pair<std::string, std::string>> pairs) {
    query_parameters q;
    q.pairs_ = std::move(pairs);
    q.from_url_ = true;
    return q;
}

query_parameters query_parameters::from_json(boost::json::object members) {
    query_parameters q;
    q.members_ = std::move(members);
    return q;
}

std::optional<std::string> query_parameters::text(std::string_view name) {
    if (from_url_) {
        std::optional<std::string> out;
        for (const auto& [key, value] : pairs_) {
            if (key == name) {
                out = value;
            }
        }
        return out;
    }
    bool wrong_type = false;
    auto out = detail::string_member(members_, name, wrong_type);
    if (wrong_type) {
        refuse(name, "Must be a string.");
    }
    return out;
}

std::vector<std::string> query_parameters::texts(std::string_view name) {
    std::vector<std::string> out;
    if (from_url_) {
        for (const auto& [key, value] : pairs_) {
            if (key != name) {
                continue;
            }
            std::string_view rest = value;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                const auto item = rest.substr(0, comma);
                if (!item.empty()) {
                    out.emplace_back(item);
                }
                if (comma == std::string_view::npos) {
                    break;
                }
                rest.remove_prefix(comma + 1);
            }
        }
        return out;
    }
    const auto* v = detail::present(members_, name);
    if (v == nullptr) {
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

std::optional<std::int64_t> query_parameters::integer(std::string_view name) {
    if (from_url_) {
        const auto value = text(name);
        if (!value) {
            return std::nullopt;
        }
        std::int64_t out = 0;
        const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), out);
        if (value->empty() || ec != std::errc{} || end != value->data() + value->size()) {
            refuse(name, "Must be an integer.");
            return std::nullopt;
        }
        return out;
    }
    const auto* v = detail::present(members_, name);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_int64()) {
        refuse(name, "Must be an integer.");
        return std::nullopt;
    }
    return v->as_int64();
}

std::optional<std::int64_t> query_parameters::id(std::string_view name) {
    const auto noted = problems_.size();
    const auto value = integer(name);
    if (problems_.size() != noted) {
        problems_[std::string{name}].back() = "Must be a positive integer id.";
        return std::nullopt;
    }
    if (value && *value <= 0) {
        refuse(name, "Must be a positive integer id.");
        return std::nullopt;
    }
    return value;
}

std::optional<time_point> query_parameters::time(std::string_view name) {
    const auto value = text(name);
    if (!value) {
        return std::nullopt;
    }
    if (const auto t = parse_rfc3339(*value)) {
        return t;
    }
    if (const auto d = parse_iso_date(*value)) {
        return time_point{*d};
    }
    refuse(name, "Must be an RFC 3339 time or a YYYY-MM-DD date.");
    return std::nullopt;
}

void query_parameters::refuse_unknown(std::initializer_list<std::string_view> known) {
    std::string takes;
    for (const auto name : known) {
        takes += takes.empty() ? std::string{name} : ", " + std::string{name};
    }
    const auto note = [&](std::string_view name) {
        if (std::find(known.begin(), known.end(), name) == known.end() && !problems_.contains(std::string{name})) {
            refuse(name, takes.empty() ? std::string{"This list takes no query parameters."}
                                       : "Not a parameter of this list; it takes " + takes + ".");
        }
    };
    for (const auto& [key, value] : pairs_) {
        note(key);
    }
    for (const auto& member : members_) {
        note(member.key());
    }
}

void query_parameters::refuse(std::string_view name, std::string message) {
    problems_[std::string{name}].push_back(std::move(message));
}

void query_parameters::check() const {
    throw_problems(problems_, "query parameter");
}

} // namespace helpdesk::wire

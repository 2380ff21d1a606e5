#pragma once

#include <helpdesk/error.hpp>
#include <helpdesk/time.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace helpdesk::wire {

/// The query parameters of a list: those of an HTTP request's URL (text,
/// a name may repeat) or the JSON object of a C call (typed values).
/// Accessors read one parameter each; a bad value is noted, not thrown, so
/// that `check()` reports every bad parameter at once.
class query_parameters {
public:
    /// The parameters of a URL query, decoded, in the order sent.
    [[nodiscard]] static query_parameters from_url(std::vector<std::pair<std::string, std::string>> pairs);
    /// The members of a JSON object; JSON null counts as absent.
    [[nodiscard]] static query_parameters from_json(boost::json::object members);

    /// A text parameter (in a URL the last one of that name).
    [[nodiscard]] std::optional<std::string> text(std::string_view name);
    /// A repeatable parameter: in a URL every value, also split at commas
    /// (`?status=Open&status=New,Closed`); in JSON a string or an array of strings.
    [[nodiscard]] std::vector<std::string> texts(std::string_view name);
    /// An integer: decimal text in a URL, a JSON integer.
    [[nodiscard]] std::optional<std::int64_t> integer(std::string_view name);
    /// A positive integer id.
    [[nodiscard]] std::optional<std::int64_t> id(std::string_view name);
    /// A time: RFC 3339, or a YYYY-MM-DD date (its midnight UTC).
    [[nodiscard]] std::optional<time_point> time(std::string_view name);
    /// A value parsed by `parse` (which answers nullopt for what it does not
    /// know); an unknown one is noted as "Not <what>: <value>.".
    template <class Parse>
    [[nodiscard]] auto choice(std::string_view name, std::string_view what, Parse parse)
        -> decltype(parse(std::string_view{})) {
        const auto value = text(name);
        if (!value) {
            return std::nullopt;
        }
        auto out = parse(*value);
        if (!out) {
            refuse(name, "Not " + std::string{what} + ": " + *value + ".");
        }
        return out;
    }

    /// Notes every parameter given whose name is not in `known`.
    void refuse_unknown(std::initializer_list<std::string_view> known);
    /// Notes a problem with a parameter.
    void refuse(std::string_view name, std::string message);
    /// Throws invalid_argument naming every parameter noted so far; nothing when none.
    void check() const;

private:
    query_parameters() = default;
    std::vector<std::pair<std::string, std::string>> pairs_{};
    boost::json::object members_{};
    bool from_url_ = false;
    field_errors problems_{};
};

} // namespace helpdesk::wire

#include <helpdesk/error.hpp>
#include <helpdesk/rules/reply_template.hpp>

#include <algorithm>
#include <array>
#include <optional>

namespace helpdesk {
namespace {

constexpr std::array<std::string_view, 12> names{
    "ticket.number",       "ticket.subject",      "ticket.status",      "ticket.priority",
    "ticket.department",   "employee.first_name", "employee.last_name", "employee.full_name",
    "assignee.first_name", "assignee.full_name",  "agent.first_name",   "agent.full_name"};

std::string full_name(const account& a) {
    if (a.first_name.empty() || a.last_name.empty()) {
        return a.first_name + a.last_name;
    }
    return a.first_name + " " + a.last_name;
}

std::string value_of(std::string_view name, const reply_facts& f) {
    const ticket& t = f.subject_ticket;
    if (name == "ticket.number")
        return t.ticket_number;
    if (name == "ticket.subject")
        return t.subject;
    if (name == "ticket.status")
        return std::string{to_string(t.status)};
    if (name == "ticket.priority")
        return std::string{to_string(t.ticket_priority)};
    if (name == "ticket.department")
        return t.department;
    if (name == "employee.first_name")
        return f.owner.first_name;
    if (name == "employee.last_name")
        return f.owner.last_name;
    if (name == "employee.full_name")
        return full_name(f.owner);
    if (name == "assignee.first_name")
        return f.assignee ? f.assignee->first_name : std::string{};
    if (name == "assignee.full_name")
        return f.assignee ? full_name(*f.assignee) : std::string{};
    if (name == "agent.first_name")
        return f.author.first_name;
    return full_name(f.author); // agent.full_name: the names are checked before rendering
}

bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && blank(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && blank(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// The 1-based character (UTF-8 code point) at byte `at`.
std::size_t character_at(std::string_view text, std::size_t at) {
    const auto counted = std::count_if(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at),
                                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return 1 + static_cast<std::size_t>(counted);
}

// Walks `text`, handing each literal run and each placeholder name to the
// callbacks; returns the position of a `{{` never closed, if any.
template <class Literal, class Placeholder>
std::optional<std::size_t> walk(std::string_view text, Literal literal, Placeholder placeholder) {
    std::size_t at = 0;
    while (at < text.size()) {
        const auto open = text.find("{{", at);
        if (open == std::string_view::npos) {
            literal(text.substr(at));
            break;
        }
        literal(text.substr(at, open - at));
        const auto close = text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            return open;
        }
        placeholder(trimmed(text.substr(open + 2, close - open - 2)));
        at = close + 2;
    }
    return std::nullopt;
}

bool known(std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

std::span<const std::string_view> reply_placeholders() noexcept {
    return names;
}

std::vector<std::string> reply_template_errors(std::string_view text) {
    std::vector<std::string> errors;
    const auto unclosed = walk(
        text, [](std::string_view) {},
        [&](std::string_view name) {
            if (!known(name)) {
                errors.push_back("unknown placeholder {{" + std::string{name} + "}}");
            }
        });
    if (unclosed) {
        errors.push_back("a {{ at character " + std::to_string(character_at(text, *unclosed)) +
                         " is never closed with }}");
    }
    return errors;
}

std::string render_reply(std::string_view text, const reply_facts& facts) {
    if (const auto errors = reply_template_errors(text); !errors.empty()) {
        throw error{errc::invalid_argument, errors.front(), {{"body", errors}}};
    }
    std::string out;
    (void)walk(
        text, [&](std::string_view literal) { out += literal; },
        [&](std::string_view name) { out += value_of(name, facts); });
    return out;
}

} // namespace helpdesk

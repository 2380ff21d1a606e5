#pragma once

#include <helpdesk/domain/account.hpp>
#include <helpdesk/domain/ticket.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace helpdesk {

/// What a canned reply's placeholders are filled from when it is inserted
/// into one ticket (docs/product.md#canned-replies).
struct reply_facts {
    const ticket& subject_ticket;
    const account& owner;
    const account* assignee = nullptr; ///< none while the ticket is unassigned
    const account& author;             ///< the staff member inserting the reply
};

/// The placeholder names a reply may use, each written `{{name}}`:
/// `ticket.number`, `ticket.subject`, `ticket.status`, `ticket.priority`,
/// `ticket.department`, `employee.first_name`, `employee.last_name`,
/// `employee.full_name`, `assignee.first_name`, `assignee.full_name`,
/// `agent.first_name`, `agent.full_name`.
[[nodiscard]] std::span<const std::string_view> reply_placeholders() noexcept;

/// What is wrong with a reply's text: each unknown placeholder, and a `{{`
/// never closed (its position counted in characters). Empty when every
/// placeholder is known. Blanks inside the braces are allowed
/// (`{{ ticket.number }}`).
[[nodiscard]] std::vector<std::string> reply_template_errors(std::string_view text);

/// `text` with every placeholder replaced by its value for `facts` (an
/// assignee's names are empty while the ticket has none), in one pass: a
/// value that looks like a placeholder stays as it is. Throws
/// `error{invalid_argument}` when `reply_template_errors(text)` is not empty.
[[nodiscard]] std::string render_reply(std::string_view text, const reply_facts& facts);

} // namespace helpdesk

#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace helpdesk::smtp::detail {

/// The body of a notification as a few kinds of blocks, rendered both as
/// plain text and as HTML. Every piece of text is escaped here, at one place,
/// so a template cannot forget to: callers pass raw UTF-8.
class mail_body {
public:
    /// A paragraph of prose.
    mail_body& paragraph(std::string text);
    /// Quoted words of someone else (a reason, a comment); keeps line breaks.
    mail_body& quote(std::string text);
    /// One "label: value" row of a fact table; consecutive facts form one table.
    mail_body& fact(std::string label, std::string value);
    /// A link with a label; the text part shows the URL itself.
    mail_body& link(std::string label, std::string url);

    /// The plain-text rendering, `\n` line ends.
    [[nodiscard]] std::string text() const;
    /// An HTML document titled `title`.
    [[nodiscard]] std::string html(const std::string& title) const;

private:
    struct paragraph_block {
        std::string text;
    };
    struct quote_block {
        std::string text;
    };
    struct facts_block {
        std::vector<std::pair<std::string, std::string>> rows;
    };
    struct link_block {
        std::string label;
        std::string url;
    };
    std::vector<std::variant<paragraph_block, quote_block, facts_block, link_block>> blocks_;
};

} // namespace helpdesk::smtp::detail

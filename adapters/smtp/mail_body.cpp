#include "mail_body.hpp"

#include "escaping.hpp"

#include <algorithm>

namespace helpdesk::smtp::detail {
namespace {

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

// Escaped, with each line break kept as <br>.
std::string html_lines(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        auto line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        out += html_escape(line);
        if (end == std::string::npos) {
            break;
        }
        out += "<br>\n";
        start = end + 1;
    }
    return out;
}

} // namespace

mail_body& mail_body::paragraph(std::string text) {
    blocks_.emplace_back(paragraph_block{std::move(text)});
    return *this;
}

mail_body& mail_body::quote(std::string text) {
    blocks_.emplace_back(quote_block{std::move(text)});
    return *this;
}

mail_body& mail_body::fact(std::string label, std::string value) {
    if (blocks_.empty() || !std::holds_alternative<facts_block>(blocks_.back())) {
        blocks_.emplace_back(facts_block{});
    }
    std::get<facts_block>(blocks_.back()).rows.emplace_back(std::move(label), std::move(value));
    return *this;
}

mail_body& mail_body::link(std::string label, std::string url) {
    blocks_.emplace_back(link_block{std::move(label), std::move(url)});
    return *this;
}

std::string mail_body::text() const {
    std::string out;
    for (const auto& block : blocks_) {
        if (!out.empty()) {
            out += '\n';
        }
        std::visit(overloaded{
                       [&](const paragraph_block& b) { out += b.text + "\n"; },
                       [&](const quote_block& b) {
                           std::size_t start = 0;
                           while (true) {
                               const auto end = b.text.find('\n', start);
                               out += "> " + b.text.substr(start, end == std::string::npos ? end : end - start);
                               out += '\n';
                               if (end == std::string::npos) {
                                   break;
                               }
                               start = end + 1;
                           }
                       },
                       [&](const facts_block& b) {
                           std::size_t width = 0;
                           for (const auto& row : b.rows) {
                               width = std::max(width, row.first.size());
                           }
                           for (const auto& [label, value] : b.rows) {
                               out += label + ":" + std::string(width - label.size() + 1, ' ') + value + "\n";
                           }
                       },
                       [&](const link_block& b) { out += b.label + ":\n" + b.url + "\n"; },
                   },
                   block);
    }
    return out;
}

std::string mail_body::html(const std::string& title) const {
    std::string out = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
                      "</title>\n</head>\n<body style=\"font-family: sans-serif; line-height: 1.4;\">\n";
    for (const auto& block : blocks_) {
        std::visit(overloaded{
                       [&](const paragraph_block& b) { out += "<p>" + html_lines(b.text) + "</p>\n"; },
                       [&](const quote_block& b) {
                           out += "<blockquote style=\"border-left: 3px solid #ccc; margin-left: 0; "
                                  "padding-left: 1em;\">" +
                                  html_lines(b.text) + "</blockquote>\n";
                       },
                       [&](const facts_block& b) {
                           out += "<table>\n";
                           for (const auto& [label, value] : b.rows) {
                               out += "<tr><th style=\"text-align: left; padding-right: 1em;\">" +
                                      html_escape(label) + "</th><td>" + html_escape(value) + "</td></tr>\n";
                           }
                           out += "</table>\n";
                       },
                       [&](const link_block& b) {
                           out += "<p><a href=\"" + html_escape(b.url) + "\">" + html_escape(b.label) + "</a></p>\n";
                       },
                   },
                   block);
    }
    out += "</body>\n</html>\n";
    return out;
}

} // namespace helpdesk::smtp::detail

#include "services/paging.hpp"

#include "services/service_support.hpp"

#include <helpdesk/error.hpp>

#include <charconv>

namespace helpdesk::detail {

namespace {
bool parse_int(std::string_view text, std::int64_t& out) noexcept {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

error invalid_cursor() { return error(errc::invalid_argument, "invalid cursor", {{"cursor", {"Invalid cursor."}}}); }

std::string prefix_of(const cursor_kind& kind) { return std::string{kind.tag} + (kind.descending ? "d." : "a."); }
} // namespace

std::string encode_cursor(const cursor_kind& kind, const keyset& position) {
    auto text = prefix_of(kind);
    if (kind.keyed) {
        text += std::to_string(position.key) + ".";
    }
    return text + std::to_string(position.id);
}

keyset decode_cursor(std::string_view cursor, const cursor_kind& kind) {
    const auto prefix = prefix_of(kind);
    if (cursor.substr(0, prefix.size()) != prefix) {
        throw invalid_cursor();
    }
    const auto rest = cursor.substr(prefix.size());
    keyset k;
    if (!kind.keyed) {
        if (!parse_int(rest, k.id)) {
            throw invalid_cursor();
        }
        return k;
    }
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos || !parse_int(rest.substr(0, dot), k.key) ||
        !parse_int(rest.substr(dot + 1), k.id) || k.key < kind.min_key || k.key > kind.max_key) {
        throw invalid_cursor();
    }
    return k;
}

page_window window_of(const page_request& asked, const cursor_kind& kind) {
    page_window window;
    const auto offset = page_offset(asked.page_number, asked.page_size);
    if (asked.cursor) {
        if (!asked.cursor->empty()) {
            window.after = decode_cursor(*asked.cursor, kind);
        }
        window.with_count = false;
    } else {
        window.offset = offset;
    }
    window.limit = asked.page_size + 1;
    return window;
}

} // namespace helpdesk::detail

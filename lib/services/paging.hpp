#pragma once

#include <helpdesk/ports/queries.hpp>
#include <helpdesk/services/paging.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace helpdesk::detail {

/// What a list's cursors look like: a tag letter naming the list (so a cursor
/// from one list is refused by another), the direction, and whether the
/// position has a sort key besides the id. Keys outside `min_key..max_key`
/// are refused.
struct cursor_kind {
    char tag = 's';
    bool descending = true;
    bool keyed = true;                                          ///< key + id; otherwise id only
    std::int64_t min_key = std::numeric_limits<std::int64_t>::min();
    std::int64_t max_key = std::numeric_limits<std::int64_t>::max();
};

/// `"<tag><a|d>.<key>.<id>"`, or `"<tag><a|d>.<id>"` for id-only lists.
[[nodiscard]] std::string encode_cursor(const cursor_kind& kind, const keyset& position);
/// Decodes a cursor made by `encode_cursor` for the same kind; throws
/// invalid_argument naming `cursor` otherwise.
[[nodiscard]] keyset decode_cursor(std::string_view cursor, const cursor_kind& kind);

/// The store window for a page request (page and size checked; invalid_argument
/// with field errors otherwise). It asks for one row more than the page holds:
/// that row tells whether a next page exists. A cursor page counts nothing.
[[nodiscard]] page_window window_of(const page_request& asked, const cursor_kind& kind);

/// The empty page, shaped like the pages `asked` gets (a count for offset pages).
template <class T>
[[nodiscard]] list_page<T> empty_page(const page_request& asked) {
    list_page<T> out;
    if (!asked.cursor) {
        out.count = 0;
        out.has_previous = asked.page_number > 1;
    }
    return out;
}

/// The page out of the rows a store returned for a window of `asked` that
/// reads one row more than the page holds: drops the extra row and says
/// whether neighbours exist. `cursor_of(row)` gives the cursor of the
/// position after a row.
template <class T, class CursorOf>
[[nodiscard]] list_page<T> page_with_cursor(page<T> rows, const page_request& asked, CursorOf cursor_of) {
    list_page<T> out;
    out.count = rows.count;
    const auto size = static_cast<std::size_t>(asked.page_size);
    out.has_next = rows.rows.size() > size;
    if (out.has_next) {
        rows.rows.resize(size);
    }
    if (asked.cursor) {
        out.count.reset();
        out.has_previous = !asked.cursor->empty();
        if (out.has_next) {
            out.next_cursor = cursor_of(rows.rows.back());
        }
    } else {
        out.has_previous = asked.page_number > 1;
    }
    out.results = std::move(rows.rows);
    return out;
}

/// The page out of the rows a store returned for `window_of(asked, kind)`
/// (see `page_with_cursor`). `key_of(row)` gives a row's keyset position for
/// the next cursor.
template <class T, class KeyOf>
[[nodiscard]] list_page<T> page_from(page<T> rows, const page_request& asked, const cursor_kind& kind,
                                     KeyOf key_of) {
    return page_with_cursor(std::move(rows), asked,
                            [&](const T& row) { return encode_cursor(kind, key_of(row)); });
}

/// `page_from` for lists ordered by id alone.
template <class T>
[[nodiscard]] list_page<T> page_by_id(page<T> rows, const page_request& asked, const cursor_kind& kind) {
    return page_from(std::move(rows), asked, kind, [](const T& row) { return keyset{0, row.id}; });
}

} // namespace helpdesk::detail

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace helpdesk {

/// How a caller asks for one page of any list: a 1-based page number, or a
/// cursor (docs/product.md#lists-and-queues).
struct page_request {
    std::int64_t page_number = 1;
    std::int64_t page_size = 20;                  ///< 1..100
    std::optional<std::string> cursor{};          ///< from a previous `next_cursor`; "" starts cursor paging
};

/// What a page says about its neighbours. Offset pages carry `count`; cursor
/// pages carry `next_cursor` while more rows follow.
struct page_info {
    std::optional<std::int64_t> count{};          ///< offset pages only
    bool has_next = false;                        ///< from one extra row, never from `count`
    bool has_previous = false;                    ///< page > 1, or a non-empty cursor
    std::optional<std::string> next_cursor{};     ///< cursor pages, while more rows follow
};

/// One page of a list.
template <class T>
struct list_page : page_info {
    std::vector<T> results{};
};

} // namespace helpdesk

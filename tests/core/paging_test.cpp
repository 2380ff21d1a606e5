// The shared paging helper: cursor text, the store window of a page request,
// and the page made out of the rows a store returned.

#include "services/paging.hpp"
#include "test_support.hpp"

#include <limits>

using namespace helpdesk;
using helpdesk::testing::expect_error;

namespace {

struct row {
    std::int64_t id = 0;
    std::int64_t key = 0;
};

page<row> rows_of(std::int64_t first, std::int64_t n, std::optional<std::int64_t> count) {
    page<row> p;
    for (std::int64_t i = 0; i < n; ++i) {
        p.rows.push_back({first + i, (first + i) * 10});
    }
    p.count = count;
    return p;
}

void expect_bad_cursor(std::string_view text, const detail::cursor_kind& kind) {
    CAPTURE(text);
    CHECK(expect_error(errc::invalid_argument, [&] { (void)detail::decode_cursor(text, kind); })
              .fields()
              .count("cursor") == 1);
}

} // namespace

TEST_SUITE("paging") {

TEST_CASE("cursors round-trip in both shapes") {
    const detail::cursor_kind keyed{'r', true, true};
    const detail::cursor_kind by_id{'c', false, false};
    CHECK(detail::encode_cursor(keyed, {1700000000000000, 42}) == "rd.1700000000000000.42");
    CHECK(detail::encode_cursor(by_id, {999, 7}) == "ca.7");
    for (const keyset k : {keyset{0, 1}, keyset{-5, 3}, keyset{std::numeric_limits<std::int64_t>::max(), 9}}) {
        const auto back = detail::decode_cursor(detail::encode_cursor(keyed, k), keyed);
        CHECK(back.key == k.key);
        CHECK(back.id == k.id);
    }
    const auto id_only = detail::decode_cursor(detail::encode_cursor(by_id, {0, 12345}), by_id);
    CHECK(id_only.id == 12345);
    CHECK(id_only.key == 0);
}

TEST_CASE("cursors of another list, direction or shape are refused") {
    const detail::cursor_kind keyed{'r', true, true};
    const detail::cursor_kind by_id{'c', false, false};
    for (const std::string_view bad : {"", "r", "rd", "rd.", "ra.1.2", "sd.1.2", "rd.1", "rd.1.", "rd..2", "rd.x.2",
                                       "rd.1.2.3", "rd.1.2 ", "rd.99999999999999999999.1", "RD.1.2"}) {
        expect_bad_cursor(bad, keyed);
    }
    for (const std::string_view bad : {"cd.1", "ka.1", "ca.", "ca.1.2", "ca.-", "ca.x", "ca.99999999999999999999"}) {
        expect_bad_cursor(bad, by_id);
    }
    detail::cursor_kind ranged{'p', false, true, 1, 4};
    CHECK(detail::decode_cursor("pa.4.1", ranged).key == 4);
    expect_bad_cursor("pa.5.1", ranged);
    expect_bad_cursor("pa.0.1", ranged);
}

TEST_CASE("window_of: offset pages count, cursor pages do not, and one extra row is asked for") {
    const detail::cursor_kind kind{'k', false, false};
    const auto w = detail::window_of({.page_number = 3, .page_size = 10}, kind);
    CHECK(w.offset == 20);
    CHECK(w.limit == 11);
    CHECK(w.with_count);
    CHECK_FALSE(w.after.has_value());

    const page_request first{.page_size = 5, .cursor = ""};
    const auto c = detail::window_of(first, kind);
    CHECK(c.offset == 0);
    CHECK(c.limit == 6);
    CHECK_FALSE(c.with_count);
    CHECK_FALSE(c.after.has_value());

    page_request next = first;
    next.cursor = "ka.17";
    next.page_number = 4; // ignored in cursor mode, still checked
    const auto n = detail::window_of(next, kind);
    REQUIRE(n.after.has_value());
    CHECK(n.after->id == 17);
    CHECK(n.offset == 0);

    for (const std::int64_t size : {0, -1, 101}) {
        const page_request r{.page_size = size};
        CHECK(expect_error(errc::invalid_argument, [&] { (void)detail::window_of(r, kind); }).fields().count(
                  "page_size") == 1);
    }
    const page_request zero{.page_number = 0};
    CHECK(expect_error(errc::invalid_argument, [&] { (void)detail::window_of(zero, kind); }).fields().count("page") ==
          1);
    const page_request foreign{.cursor = "sd.1.2"};
    CHECK(expect_error(errc::invalid_argument, [&] { (void)detail::window_of(foreign, kind); }).fields().count(
              "cursor") == 1);
}

TEST_CASE("page_from: has_next from the extra row, has_previous, and next_cursor only on cursor pages") {
    const detail::cursor_kind kind{'r', true, true};
    const auto key_of = [](const row& r) { return keyset{r.key, r.id}; };
    const page_request second{.page_number = 2, .page_size = 3};
    auto p = detail::page_from(rows_of(4, 4, 10), second, kind, key_of);
    CHECK(p.results.size() == 3);
    CHECK(p.count == 10);
    CHECK(p.has_next);
    CHECK(p.has_previous);
    CHECK_FALSE(p.next_cursor.has_value());

    auto last = detail::page_from(rows_of(10, 3, 12), second, kind, key_of);
    CHECK(last.results.size() == 3);
    CHECK_FALSE(last.has_next); // `count` says more rows exist; only the extra row decides
    CHECK(last.count == 12);

    const page_request first{.page_size = 2, .cursor = ""};
    auto c = detail::page_from(rows_of(1, 3, std::nullopt), first, kind, key_of);
    CHECK(c.results.size() == 2);
    CHECK_FALSE(c.count.has_value());
    CHECK(c.has_next);
    CHECK_FALSE(c.has_previous);
    CHECK(c.next_cursor == "rd.20.2");

    page_request then = first;
    then.cursor = *c.next_cursor;
    auto end = detail::page_from(rows_of(3, 1, std::nullopt), then, kind, key_of);
    CHECK(end.has_previous);
    CHECK_FALSE(end.has_next);
    CHECK_FALSE(end.next_cursor.has_value());

    auto by_id = detail::page_by_id(rows_of(1, 3, std::nullopt), first, detail::cursor_kind{'c', false, false});
    CHECK(by_id.next_cursor == "ca.2");
}

TEST_CASE("empty_page: offset pages count zero, cursor pages count nothing") {
    const auto e = detail::empty_page<row>({.page_number = 3});
    CHECK(e.count == 0);
    CHECK(e.has_previous);
    CHECK_FALSE(e.has_next);
    const auto c = detail::empty_page<row>({.cursor = ""});
    CHECK_FALSE(c.count.has_value());
    CHECK_FALSE(c.has_previous);
}

} // TEST_SUITE

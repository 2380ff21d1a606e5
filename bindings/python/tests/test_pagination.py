"""Lists through the package: the tickets, and a ticket's comments and
history, by numbered pages and by cursor pages; filters, the iterators, and
the refusals of bad paging input."""

from __future__ import annotations

from typing import Any, Callable, List

import pytest

import helpdesk
from conftest import ticket_fields


@pytest.fixture
def five_tickets(engine: helpdesk.Engine, admin: helpdesk.Account,
                 employee: helpdesk.Account) -> List[helpdesk.TicketDetails]:
    words = ["alpha", "bravo", "charlie", "delta", "echo"]
    made = [engine.tickets.create(employee, **ticket_fields(f"Request {word}")) for word in words]
    # Two of them move on, so status filters have something to tell apart.
    engine.tickets.approve(admin, made[1], priority="High", department="IT Department")
    engine.tickets.approve(admin, made[3], priority="Low", department="IT Department")
    return made


def test_numbered_pages(engine: helpdesk.Engine, employee: helpdesk.Account,
                        five_tickets: List[helpdesk.TicketDetails]) -> None:
    pages = [engine.tickets.list(employee, page=n, page_size=2, ordering="submit_date") for n in (1, 2, 3)]
    assert [p.count for p in pages] == [5, 5, 5]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [(p.has_previous, p.has_next) for p in pages] == [(False, True), (True, True), (True, False)]
    assert all(p.next_cursor is None for p in pages)
    ids = [t["id"] for p in pages for t in p]
    assert ids == [t["id"] for t in five_tickets]
    past_the_end = engine.tickets.list(employee, page=4, page_size=2)
    assert len(past_the_end) == 0
    assert past_the_end.count == 5


def test_cursor_pages_visit_every_ticket_once(engine: helpdesk.Engine, employee: helpdesk.Account,
                                              five_tickets: List[helpdesk.TicketDetails]) -> None:
    seen: List[int] = []
    sizes: List[int] = []
    cursor = ""
    for _ in range(10):
        page = engine.tickets.list(employee, page_size=2, cursor=cursor)
        assert page.count is None
        sizes.append(len(page))
        seen.extend(t["id"] for t in page)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert sizes == [2, 2, 1]
    assert sorted(seen) == sorted(t["id"] for t in five_tickets)
    assert len(set(seen)) == 5
    # The default ordering is newest first.
    assert seen == [t["id"] for t in reversed(five_tickets)]


def test_a_cursor_page_stays_stable_when_rows_are_added(
    engine: helpdesk.Engine, employee: helpdesk.Account, five_tickets: List[helpdesk.TicketDetails]
) -> None:
    first = engine.tickets.list(employee, page_size=2, cursor="", ordering="submit_date")
    assert first.next_cursor
    engine.tickets.create(employee, **ticket_fields("Arrives while paging"))
    second = engine.tickets.list(employee, page_size=2, cursor=first.next_cursor, ordering="submit_date")
    assert [t["id"] for t in second] == [five_tickets[2]["id"], five_tickets[3]["id"]]


def test_iterate_follows_the_cursors(engine: helpdesk.Engine, employee: helpdesk.Account,
                                     five_tickets: List[helpdesk.TicketDetails]) -> None:
    every = list(engine.tickets.iterate(employee, page_size=2))
    assert sorted(t["id"] for t in every) == sorted(t["id"] for t in five_tickets)
    opened = list(engine.tickets.iterate(employee, page_size=1, status="Open"))
    assert sorted(t["id"] for t in opened) == sorted([five_tickets[1]["id"], five_tickets[3]["id"]])
    with pytest.raises(TypeError):
        list(engine.tickets.iterate(employee, cursor="x"))


def test_filters(engine: helpdesk.Engine, admin: helpdesk.Account, employee: helpdesk.Account,
                 five_tickets: List[helpdesk.TicketDetails]) -> None:
    assert engine.tickets.list(admin, status="Open", page=1).count == 2
    assert engine.tickets.list(admin, status=["Open", "New"], page=1).count == 5
    assert engine.tickets.list(admin, status=[helpdesk.Status.NEW], page=1).count == 3
    high = engine.tickets.list(admin, priority="High", page=1)
    assert [t["id"] for t in high] == [five_tickets[1]["id"]]
    assert engine.tickets.list(admin, employee=employee, page=1).count == 5
    assert engine.tickets.list(admin, employee=admin, page=1).count == 0
    found = engine.tickets.list(admin, search="echo", page=1)
    assert [t["id"] for t in found] == [five_tickets[4]["id"]]
    by_number = engine.tickets.list(admin, search=five_tickets[2]["ticket_number"], page=1)
    assert [t["id"] for t in by_number] == [five_tickets[2]["id"]]


def test_bad_paging_input_is_refused_with_field_messages(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.tickets.list(employee, page_size=101)
    assert refused.value.fields == {"page_size": ["Must be between 1 and 100."]}
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.tickets.list(employee, page=0)
    assert refused.value.fields == {"page": ["Must be 1 or more."]}
    with pytest.raises(helpdesk.InvalidArgument):
        engine.tickets.list(employee, cursor="not-a-cursor", page_size=2)
    with pytest.raises(helpdesk.InvalidArgument):
        engine.tickets.list(employee, ordering="colour", page=1)
    with pytest.raises(helpdesk.InvalidArgument):
        engine.tickets.list(employee, status="Lost", page=1)


def test_an_unknown_filter_value_is_refused_naming_the_filter(engine: helpdesk.Engine, employee: helpdesk.Account) -> None:
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.tickets.list(employee, priority="Whenever")
    assert refused.value.fields == {"priority": ["Not a priority: Whenever."]}
    with pytest.raises(helpdesk.InvalidArgument) as refused:
        engine.tickets.list(employee, status=["Open", "Opened"])
    assert refused.value.fields == {"status": ["Not a ticket status: Opened."]}


@pytest.fixture
def discussed(engine: helpdesk.Engine, admin: helpdesk.Account,
              employee: helpdesk.Account) -> helpdesk.TicketDetails:
    """A ticket with five public comments and two internal notes between them."""
    ticket = engine.tickets.create(employee, **ticket_fields("Long discussion"))
    engine.tickets.approve(admin, ticket, priority="Medium", department="IT Department")
    for n in range(5):
        author = employee if n % 2 == 0 else admin
        engine.tickets.comment(author, ticket, f"Public {n}")
        if n in (1, 3):
            engine.tickets.comment(admin, ticket, f"Internal {n}", internal=True)
    return ticket


def test_comment_pages_by_number_and_by_cursor(engine: helpdesk.Engine, admin: helpdesk.Account,
                                               employee: helpdesk.Account,
                                               discussed: helpdesk.TicketDetails) -> None:
    every = [c["id"] for c in engine.tickets.comments(employee, discussed)]
    assert len(every) == 5
    numbered = [engine.tickets.comments_page(employee, discussed, page=n, page_size=2) for n in (1, 2, 3)]
    assert all(isinstance(p, helpdesk.Page) for p in numbered)
    assert [p.count for p in numbered] == [5, 5, 5]
    assert [(p.has_previous, p.has_next) for p in numbered] == [(False, True), (True, True), (True, False)]
    assert [c["id"] for p in numbered for c in p] == every

    cursor_pages: List[helpdesk.Page[helpdesk.Comment]] = []
    cursor = ""
    for _ in range(10):
        page = engine.tickets.comments_page(employee, discussed, page_size=2, cursor=cursor)
        cursor_pages.append(page)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert [len(p) for p in cursor_pages] == [2, 2, 1]
    assert all(p.count is None for p in cursor_pages)
    assert [c["id"] for p in cursor_pages for c in p] == every
    assert not any(c["is_internal"] for p in cursor_pages for c in p)

    staff_view = engine.tickets.comments_page(admin, discussed, page=1, page_size=100)
    assert staff_view.count == 7
    assert [c["text"] for c in staff_view if c["is_internal"]] == ["Internal 1", "Internal 3"]


def test_iterate_comments_and_history_follow_the_cursors(engine: helpdesk.Engine, admin: helpdesk.Account,
                                                          employee: helpdesk.Account,
                                                          discussed: helpdesk.TicketDetails) -> None:
    assert list(engine.tickets.iterate_comments(employee, discussed, page_size=2)) == \
        engine.tickets.comments(employee, discussed)
    assert list(engine.tickets.iterate_comments(admin, discussed, page_size=3)) == \
        engine.tickets.comments(admin, discussed)
    owner_history = list(engine.tickets.iterate_history(employee, discussed, page_size=2))
    assert owner_history == engine.tickets.history(employee, discussed)
    assert not any(e["is_internal"] for e in owner_history)
    staff_history = list(engine.tickets.iterate_history(admin, discussed, page_size=2))
    assert staff_history == engine.tickets.history(admin, discussed)
    assert len(staff_history) == len(owner_history) + 2


def test_history_pages_by_number_and_by_cursor(engine: helpdesk.Engine, employee: helpdesk.Account,
                                               discussed: helpdesk.TicketDetails) -> None:
    every = [e["id"] for e in engine.tickets.history(employee, discussed)]
    first = engine.tickets.history_page(employee, discussed, page=1, page_size=3)
    assert first.count == len(every)
    assert (first.has_previous, first.has_next) == (False, True)
    assert [e["id"] for e in first] == every[:3]
    second = engine.tickets.history_page(employee, discussed, page=2, page_size=3)
    assert [e["id"] for e in second] == every[3:6]
    assert second.has_previous
    by_cursor = engine.tickets.history_page(employee, discussed, page_size=3, cursor="")
    assert by_cursor.count is None and by_cursor.next_cursor
    after = engine.tickets.history_page(employee, discussed, page_size=3, cursor=by_cursor.next_cursor)
    assert [e["id"] for e in after] == every[3:6]
    assert after.has_previous


def test_comment_and_history_pages_refuse_bad_input_and_hide_other_tickets(
    engine: helpdesk.Engine, employee: helpdesk.Account, make_employee: Callable[..., helpdesk.Account],
    discussed: helpdesk.TicketDetails
) -> None:
    stranger = make_employee("Sam")
    fetches: List[Callable[..., Any]] = [engine.tickets.comments_page, engine.tickets.history_page]
    for fetch in fetches:
        with pytest.raises(helpdesk.InvalidArgument) as refused:
            fetch(employee, discussed, page_size=101)
        assert refused.value.fields == {"page_size": ["Must be between 1 and 100."]}
        with pytest.raises(helpdesk.InvalidArgument) as refused:
            fetch(employee, discussed, page=0)
        assert refused.value.fields == {"page": ["Must be 1 or more."]}
        with pytest.raises(helpdesk.InvalidArgument) as refused:
            fetch(employee, discussed, cursor="junk")
        assert "cursor" in refused.value.fields
        with pytest.raises(helpdesk.NotFound):
            fetch(stranger, discussed)

#include "ticket_rows.hpp"

#include "enum_column.hpp"

namespace helpdesk::postgres::detail {

ticket read_ticket(const result& r, int row) {
    ticket t;
    t.id = r.int64(row, 0);
    t.ticket_number = r.text(row, 1);
    t.employee = r.int64(row, 2);
    t.subject = r.text(row, 3);
    t.category = r.text(row, 4);
    t.sub_category = r.text(row, 5);
    t.description = r.text(row, 6);
    t.scheduled_date = r.optional_date(row, 7);
    t.ticket_priority = enum_from_column(r.int64(row, 8), priority::critical);
    t.department = r.text(row, 9);
    t.status = enum_from_column(r.int64(row, 10), ticket_status::withdrawn);
    t.assigned_to = r.optional_int64(row, 11);
    t.submit_date = r.time(row, 12);
    t.update_date = r.time(row, 13);
    t.response_seconds = r.optional_int64(row, 14);
    t.resolution_seconds = r.optional_int64(row, 15);
    t.time_closed = r.optional_time(row, 16);
    t.rejection_reason = r.optional_text(row, 17);
    t.finalized = r.boolean(row, 18);
    t.version = r.int64(row, 19);
    return t;
}

} // namespace helpdesk::postgres::detail

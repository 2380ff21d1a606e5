#include "ticket_rows.hpp"

#include "enum_column.hpp"

namespace helpdesk::sqlite::detail {

ticket read_ticket(const statement& row) {
    ticket t;
    t.id = row.column_int64(0);
    t.ticket_number = row.column_text(1);
    t.employee = row.column_int64(2);
    t.subject = row.column_text(3);
    t.category = row.column_text(4);
    t.sub_category = row.column_text(5);
    t.description = row.column_text(6);
    t.scheduled_date = row.column_optional_date(7);
    t.ticket_priority = enum_from_column(row.column_int64(8), priority::critical);
    t.department = row.column_text(9);
    t.status = enum_from_column(row.column_int64(10), ticket_status::withdrawn);
    t.assigned_to = row.column_optional_int64(11);
    t.submit_date = row.column_time(12);
    t.update_date = row.column_time(13);
    t.response_seconds = row.column_optional_int64(14);
    t.resolution_seconds = row.column_optional_int64(15);
    t.time_closed = row.column_optional_time(16);
    t.rejection_reason = row.column_optional_text(17);
    t.finalized = row.column_bool(18);
    t.version = row.column_int64(19);
    return t;
}

} // namespace helpdesk::sqlite::detail

#include "ticket_rows.hpp"

#include "row_view.hpp"
#include "sql/row_mappers.hpp"

namespace helpdesk::sqlite::detail {

ticket read_ticket(const statement& row) {
    return sql::read_ticket(row_view{row});
}

} // namespace helpdesk::sqlite::detail

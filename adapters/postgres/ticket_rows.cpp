#include "ticket_rows.hpp"

#include "row_view.hpp"
#include "sql/row_mappers.hpp"

namespace helpdesk::postgres::detail {

ticket read_ticket(const result& r, int row) {
    return sql::read_ticket(row_view{r, row});
}

} // namespace helpdesk::postgres::detail

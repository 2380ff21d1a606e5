// Canned replies: one text for every SQL store (sql/canned_reply_methods.inc),
// run with this store's for_each_row and run_list.
#include "list_runner.hpp"
#include "repositories.hpp"
#include "sql/canned_reply_sql.hpp"

namespace helpdesk::postgres::detail {
#include "sql/canned_reply_methods.inc"
} // namespace helpdesk::postgres::detail

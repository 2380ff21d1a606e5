// Automatic assignment: one text for every SQL store
// (sql/assignment_methods.inc), run with this store's for_each_row.
// Transactions are REPEATABLE READ: a department row locked after another
// transaction changed it would fail to serialise, so approvals that rotate
// take the table lock first, before their snapshot (LOCK takes none), and
// then read every rotation committed before them. SHARE ROW EXCLUSIVE
// conflicts with itself and with every write to the table.
#include "list_runner.hpp"
#include "repositories.hpp"
#include "sql/assignment_sql.hpp"

namespace helpdesk::postgres::detail {
namespace {
constexpr sql::assignment_locking assignment_locks{
    .hold_rotations = "LOCK TABLE department_assignment IN SHARE ROW EXCLUSIVE MODE", .row_lock = " FOR UPDATE"};
} // namespace
#include "sql/assignment_methods.inc"
} // namespace helpdesk::postgres::detail

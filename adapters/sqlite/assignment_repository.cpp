// Automatic assignment: one text for every SQL store
// (sql/assignment_methods.inc), run with this store's for_each_row. SQLite
// runs one writer at a time, so nothing more is locked.
#include "list_runner.hpp"
#include "repositories.hpp"
#include "sql/assignment_sql.hpp"

namespace helpdesk::sqlite::detail {
namespace {
constexpr sql::assignment_locking assignment_locks{};
} // namespace
#include "sql/assignment_methods.inc"
} // namespace helpdesk::sqlite::detail

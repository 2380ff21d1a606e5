// The SLA policy versions: one text for every SQL store
// (sql/sla_methods.inc), run with this store's for_each_row and write_later.
#include "list_runner.hpp"
#include "repositories.hpp"
#include "sql/sla_policy_sql.hpp"

namespace helpdesk::sqlite::detail {
#include "sql/sla_methods.inc"
} // namespace helpdesk::sqlite::detail

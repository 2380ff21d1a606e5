// The repositories' list methods: one text for every SQL store
// (sql/list_methods.inc), run with this store's run_list.
#include "list_runner.hpp"
#include "repositories.hpp"
#include "sql/list_plans.hpp"
#include "sql/row_mappers.hpp"

namespace helpdesk::postgres::detail {
#include "sql/list_methods.inc"
} // namespace helpdesk::postgres::detail

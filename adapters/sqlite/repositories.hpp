#pragma once

#include <helpdesk/ports/store.hpp>

#include "sql/store_transaction.hpp"
#include "transaction_bound.hpp"

namespace helpdesk::sqlite::detail {

// account_repository, ticket_repository and the others, as every SQL
// store declares them; their members are defined in this folder.
#include "sql/repository_classes.inc"

/// The value after bumping sequence `name` (`ticket`, `company`) in the
/// current write transaction. Throws the mapped `helpdesk::error`.
[[nodiscard]] std::int64_t next_sequence_value(connection& db, std::string_view name);

} // namespace helpdesk::sqlite::detail

#pragma once

#include "connection.hpp"
#include "sql/transaction_bound.hpp"

namespace helpdesk::sqlite::detail {

/// Base of the repositories: the transaction's connection until it ends.
using transaction_bound = sql::transaction_bound<connection>;

} // namespace helpdesk::sqlite::detail

#pragma once

#include "sql/store_transaction.hpp"
#include "transaction_bound.hpp" // and with it the ports of helpdesk/ports/store.hpp

namespace helpdesk::postgres::detail {

// The repository classes shared by the SQL stores (see the file's head).
#include "sql/repository_classes.inc"

} // namespace helpdesk::postgres::detail

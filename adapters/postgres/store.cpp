#include "store.hpp"

#include "transaction.hpp"

namespace helpdesk::postgres::detail {

std::unique_ptr<helpdesk::transaction> store::begin(tx_mode mode) {
    return std::make_unique<transaction>(shared_from_this(), pool_->acquire(), mode);
}

} // namespace helpdesk::postgres::detail

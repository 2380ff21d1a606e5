#include <helpdesk/adapters/postgres.hpp>
#include <helpdesk/error.hpp>

#include "connection.hpp"
#include "migrations.hpp"
#include "pool.hpp"
#include "store.hpp"
#include "url.hpp"

namespace helpdesk::postgres {

std::shared_ptr<helpdesk::store> open(std::string_view url, const options& opts) {
    if (opts.pool_size < 1 || opts.acquire_timeout.count() < 0 || opts.connect_timeout.count() < 0) {
        throw error{errc::invalid_argument,
                    "postgres options: pool_size must be at least 1, timeouts must not be negative"};
    }
    const auto conninfo = detail::normalize_url(url);
    const int base = detail::pool::random_base();
    auto first = std::make_unique<detail::connection>(conninfo, opts.connect_timeout, 0,
                                                      detail::pool::shard_of(base, 0));
    detail::migrate(*first);
    auto connections = std::make_unique<detail::pool>(conninfo, opts.pool_size, opts.acquire_timeout,
                                                      opts.connect_timeout, base, std::move(first));
    return std::make_shared<detail::store>(std::move(connections));
}

} // namespace helpdesk::postgres

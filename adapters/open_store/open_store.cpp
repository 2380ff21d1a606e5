#include <helpdesk/adapters/open_store.hpp>
#include <helpdesk/error.hpp>

#ifdef HELPDESK_OPEN_STORE_WITH_SQLITE
#include <helpdesk/adapters/sqlite.hpp>
#endif
#ifdef HELPDESK_OPEN_STORE_WITH_POSTGRES
#include <helpdesk/adapters/postgres.hpp>
#endif

#include <string>

namespace helpdesk {

std::shared_ptr<store> open_store(std::string_view url, const store_options& options) {
    if (url.starts_with("sqlite:")) {
#ifdef HELPDESK_OPEN_STORE_WITH_SQLITE
        return sqlite::open(url, options.sqlite);
#else
        throw error(errc::invalid_argument, "this build has no SQLite store",
                    {{"store_url", {"SQLite is not available in this build."}}});
#endif
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
#ifdef HELPDESK_OPEN_STORE_WITH_POSTGRES
        return postgres::open(url, options.postgres);
#else
        throw error(errc::invalid_argument, "this build has no PostgreSQL store",
                    {{"store_url", {"PostgreSQL is not available in this build."}}});
#endif
    }
    (void)options;
    throw error(errc::invalid_argument,
                "unknown store URL scheme in '" + std::string{url.substr(0, url.find(':'))} +
                    "'; use sqlite:///path.db, sqlite::memory: or postgresql://...",
                {{"store_url", {"Unknown store URL scheme."}}});
}

} // namespace helpdesk

#include "cli/open_store.hpp"

#include <helpdesk/error.hpp>

#ifdef HELPDESK_SERVER_WITH_SQLITE
#include <helpdesk/adapters/sqlite.hpp>
#endif
#ifdef HELPDESK_SERVER_WITH_POSTGRES
#include <helpdesk/adapters/postgres.hpp>
#endif

#include <string>

namespace helpdesk::server {

std::shared_ptr<store> open_store(std::string_view url, const sqlite::options& sqlite_tuning) {
    if (url.starts_with("sqlite:")) {
#ifdef HELPDESK_SERVER_WITH_SQLITE
        return sqlite::open(url, sqlite_tuning);
#else
        (void)sqlite_tuning;
        throw error(errc::invalid_argument, "this build has no SQLite store");
#endif
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
#ifdef HELPDESK_SERVER_WITH_POSTGRES
        return postgres::open(url);
#else
        throw error(errc::invalid_argument, "this build has no PostgreSQL store");
#endif
    }
    throw error(errc::invalid_argument, "unknown store URL scheme in '" + std::string{url.substr(0, url.find(':'))} +
                                            "'; use sqlite:///path.db, sqlite::memory: or postgresql://...");
}

} // namespace helpdesk::server

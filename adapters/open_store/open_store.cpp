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

namespace {

/// Refuses a URL whose store (`SQLite`, `PostgreSQL`) this build left out.
[[maybe_unused]] [[noreturn]] void not_built(const std::string& store_name) {
    throw error(errc::invalid_argument, "this build has no " + store_name + " store",
                {{"store_url", {store_name + " is not available in this build."}}});
}

} // namespace

std::shared_ptr<store> open_store(std::string_view url, const store_options& options) {
    if (url.starts_with("sqlite:")) {
#ifdef HELPDESK_OPEN_STORE_WITH_SQLITE
        return sqlite::open(url, options.sqlite);
#else
        not_built("SQLite");
#endif
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
#ifdef HELPDESK_OPEN_STORE_WITH_POSTGRES
        return postgres::open(url, options.postgres);
#else
        not_built("PostgreSQL");
#endif
    }
    (void)options;
    throw error(errc::invalid_argument,
                "unknown store URL scheme in '" + std::string{url.substr(0, url.find(':'))} +
                    "'; use sqlite:///path.db, sqlite::memory: or postgresql://...",
                {{"store_url", {"Unknown store URL scheme."}}});
}

} // namespace helpdesk

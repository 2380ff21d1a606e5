#include "connection.hpp"
#include "migrations.hpp"
#include "reader_pool.hpp"
#include "store.hpp"
#include "url.hpp"

#include <helpdesk/adapters/sqlite.hpp>
#include <helpdesk/error.hpp>

namespace helpdesk::sqlite {

std::shared_ptr<helpdesk::store> open(std::string_view url, const options& opts) {
    if (opts.busy_timeout.count() < 0 || opts.reader_connections < 0 || opts.cache_kib < 0 || opts.mmap_bytes < 0) {
        throw error{errc::invalid_argument,
                    "sqlite options: busy_timeout, reader_connections, cache_kib and mmap_bytes must not be negative"};
    }
    const auto location = detail::parse_url(url);
    if (location.in_memory) {
        auto db = std::make_unique<detail::connection>(":memory:", detail::connection_role::memory, opts);
        detail::migrate(*db);
        return std::make_shared<detail::store>(std::move(db), nullptr, opts);
    }
    auto writer = std::make_unique<detail::connection>(location.path, detail::connection_role::writer, opts);
    detail::migrate(*writer);
    // Readers open after the writer created and migrated the file. With none
    // configured, reads share the writer.
    std::unique_ptr<detail::reader_pool> readers;
    if (opts.reader_connections > 0) {
        readers = std::make_unique<detail::reader_pool>(location.path, opts.reader_connections, opts);
    }
    return std::make_shared<detail::store>(std::move(writer), std::move(readers), opts);
}

} // namespace helpdesk::sqlite

#include "migrator.hpp"

#include <helpdesk/error.hpp>

#include "schema_steps.hpp"

#include <iterator>
#include <string>

namespace helpdesk::sql {

namespace {

void check_numbering(const migration_target& target, std::span<const migration> steps) {
    bool same = steps.size() == std::size(schema_steps);
    for (std::size_t i = 0; same && i < steps.size(); ++i) {
        same = steps[i].version == schema_steps[i].version;
    }
    if (!same) {
        throw error{errc::internal, std::string{target.store_name()} +
                                        " migrations are not numbered as the shared schema steps"};
    }
}

} // namespace

void apply_migrations(migration_target& target, std::span<const migration> steps) {
    check_numbering(target, steps);
    const int start = target.current_version();
    if (start > steps.back().version) {
        throw error{errc::storage_unavailable, std::string{target.store_name()} + " schema version " +
                                                   std::to_string(start) +
                                                   " is newer than this build supports"};
    }
    for (const auto& step : steps) {
        if (step.version <= start) {
            continue;
        }
        target.begin_step();
        try {
            // Another process may have applied it while we waited for the lock.
            if (target.current_version() < step.version) {
                target.run_script(step.sql);
                target.record_version(step.version);
            }
            target.commit_step();
        } catch (...) {
            target.rollback_step();
            throw;
        }
    }
}

} // namespace helpdesk::sql

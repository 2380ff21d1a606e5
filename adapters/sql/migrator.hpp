#pragma once

#include <span>
#include <string_view>

namespace helpdesk::sql {

/// One numbered schema step of a store: its number (see `schema_steps`) and
/// the store's SQL for it. Append only: a released step is never edited, a
/// change is a new one.
struct migration {
    int version;
    std::string_view sql;
};

/// What a store supplies to the migrator: how to read and record the
/// version and run a script, and the transaction each step runs in.
class migration_target {
public:
    virtual ~migration_target() = default;
    /// The highest version recorded in `schema_version`, 0 for none.
    [[nodiscard]] virtual int current_version() = 0;
    /// Runs one migration's SQL (several statements).
    virtual void run_script(std::string_view sql) = 0;
    /// Records that `version` was applied.
    virtual void record_version(int version) = 0;
    /// Opens the transaction of one step (nothing when the whole run is one transaction).
    virtual void begin_step() {}
    /// Commits the transaction of one step.
    virtual void commit_step() {}
    /// Rolls back the transaction of a failed step; must not throw.
    virtual void rollback_step() noexcept {}
    /// The store's name for error messages ("sqlite", "postgres").
    [[nodiscard]] virtual std::string_view store_name() const noexcept = 0;
};

/// Applies the steps of `steps` (ordered by version, numbered as
/// `schema_steps`) newer than the target's version. Each step re-reads the
/// version inside its transaction first, so two processes opening one
/// database apply a step once. Throws `error{storage_unavailable}` when the
/// database is newer than `steps`, `error{internal}` when `steps` does not
/// number its steps as `schema_steps` does; a failed step is rolled back and
/// its error rethrown.
void apply_migrations(migration_target& target, std::span<const migration> steps);

} // namespace helpdesk::sql

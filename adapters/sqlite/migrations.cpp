#include "migrations.hpp"
#include "automations_migration.hpp"
#include "canned_replies_migration.hpp"
#include "assignment_migration.hpp"
#include "sla_compliance_migration.hpp"

namespace helpdesk::sqlite::detail {
namespace {

// Storage conventions (see statement.hpp): times are INTEGER microseconds
// since the epoch, scheduled_date INTEGER days since the epoch, enums their
// underlying value (ticket status new=0 … withdrawn=8, priority low=0 …
// critical=3 so that ORDER BY priority DESC puts Critical first; role
// employee=0, coordinator=1, admin=2; account status pending=0, approved=1,
// rejected=2; outbox state pending=0, delivered=1, dead=2).
//
// An index on (a, b) of a rowid table ends with the rowid implicitly, so
// (status, submit_date) serves ORDER BY submit_date, id and the keyset
// comparison (submit_date, id) < (?, ?) without naming id.
constexpr std::string_view v1_initial_schema = R"sql(
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE, -- ASCII case folding
    first_name    TEXT    NOT NULL,
    middle_name   TEXT,
    last_name     TEXT    NOT NULL,
    suffix        TEXT,
    company_id    TEXT    NOT NULL UNIQUE,
    department    TEXT    NOT NULL,
    role          INTEGER NOT NULL CHECK (role BETWEEN 0 AND 2),
    status        INTEGER NOT NULL CHECK (status BETWEEN 0 AND 2),
    password_hash TEXT    NOT NULL,
    image_key     TEXT,
    date_created  INTEGER NOT NULL
);
CREATE INDEX accounts_by_status_role ON accounts (status, role);

-- Audit rows outlive both the rejected account and the admin: no foreign keys.
CREATE TABLE rejected_accounts (
    id          INTEGER PRIMARY KEY,
    company_id  TEXT    NOT NULL,
    first_name  TEXT    NOT NULL,
    middle_name TEXT,
    last_name   TEXT    NOT NULL,
    suffix      TEXT,
    email       TEXT    NOT NULL,
    department  TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    rejected_by INTEGER NOT NULL,
    rejected_at INTEGER NOT NULL
);
CREATE INDEX rejected_accounts_by_time ON rejected_accounts (rejected_at);

CREATE TABLE password_reset_tokens (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX password_reset_tokens_by_account ON password_reset_tokens (account_id);

-- Counters bumped with UPDATE ... RETURNING inside the write transaction:
-- a value is handed out again only if its transaction rolled back.
CREATE TABLE sequences (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO sequences (name, value) VALUES ('ticket', 0), ('company', 0);

-- The owner is a real foreign key without cascade (NO ACTION): removing an
-- account that still owns tickets fails instead of deleting them
-- (docs/product.md#approval-and-rejection; only Pending accounts are removed
-- and they own none). assigned_to and the authors below are plain ids: staff
-- accounts are never removed, and a foreign key there would need an index on
-- each column for deletes.
CREATE TABLE tickets (
    id                 INTEGER PRIMARY KEY,
    ticket_number      TEXT    NOT NULL UNIQUE,
    employee           INTEGER NOT NULL REFERENCES accounts (id),
    subject            TEXT    NOT NULL,
    category           TEXT    NOT NULL,
    sub_category       TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    scheduled_date     INTEGER,
    priority           INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    department         TEXT    NOT NULL,
    status             INTEGER NOT NULL CHECK (status BETWEEN 0 AND 8),
    assigned_to        INTEGER,
    submit_date        INTEGER NOT NULL,
    update_date        INTEGER NOT NULL,
    response_seconds   INTEGER,
    resolution_seconds INTEGER,
    time_closed        INTEGER,
    rejection_reason   TEXT,
    finalized          INTEGER NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL
);
-- Whole-table lists (staff), one per ordering.
CREATE INDEX tickets_by_submit ON tickets (submit_date);
CREATE INDEX tickets_by_update ON tickets (update_date);
CREATE INDEX tickets_by_priority ON tickets (priority);
-- Status queues (New, Open, ...), one per ordering.
CREATE INDEX tickets_by_status_submit ON tickets (status, submit_date);
CREATE INDEX tickets_by_status_update ON tickets (status, update_date);
CREATE INDEX tickets_by_status_priority ON tickets (status, priority);
-- An employee's own tickets (few per owner; other orderings sort them), and
-- the foreign-key check when an account is removed.
CREATE INDEX tickets_by_employee ON tickets (employee, submit_date);
-- "Assigned to me": partial, so unassigned (New) tickets cost nothing here;
-- usable because assigned_to = ? implies assigned_to IS NOT NULL.
CREATE INDEX tickets_by_assignee ON tickets (assigned_to, status, submit_date) WHERE assigned_to IS NOT NULL;

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author      INTEGER,
    text        TEXT    NOT NULL,
    is_internal INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX comments_by_ticket ON comments (ticket_id);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    blob_key     TEXT    NOT NULL,
    uploaded_by  INTEGER NOT NULL,
    upload_date  INTEGER NOT NULL
);
CREATE INDEX attachments_by_ticket ON attachments (ticket_id);

CREATE TABLE ticket_history (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    actor       INTEGER,
    at          INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    is_internal INTEGER NOT NULL
);
CREATE INDEX ticket_history_by_ticket ON ticket_history (ticket_id);

CREATE TABLE idempotency_keys (
    owner       INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (owner, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_ticket ON idempotency_keys (ticket_id);

-- Events outlive what they talk about: account and ticket are plain ids.
CREATE TABLE outbox_events (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    account_id      INTEGER,
    ticket_id       INTEGER,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    state           INTEGER NOT NULL CHECK (state BETWEEN 0 AND 2),
    attempts        INTEGER NOT NULL,
    last_error      TEXT,
    next_attempt_at INTEGER NOT NULL
);
-- Pending events in id order (a backlog is drained oldest first without a
-- sort); next_attempt_at rides along so the due check needs no row lookup.
CREATE INDEX outbox_events_pending ON outbox_events (id, next_attempt_at) WHERE state = 0;

-- Per-state event counts kept by triggers, so count(state) reads one row.
CREATE TABLE outbox_counts (
    state INTEGER PRIMARY KEY,
    n     INTEGER NOT NULL
);
INSERT INTO outbox_counts (state, n) VALUES (0, 0), (1, 0), (2, 0);

CREATE TRIGGER outbox_counts_insert AFTER INSERT ON outbox_events BEGIN
    UPDATE outbox_counts SET n = n + 1 WHERE state = new.state;
END;
CREATE TRIGGER outbox_counts_update AFTER UPDATE OF state ON outbox_events
WHEN old.state <> new.state BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
    UPDATE outbox_counts SET n = n + 1 WHERE state = new.state;
END;
CREATE TRIGGER outbox_counts_delete AFTER DELETE ON outbox_events BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE state = old.state;
END;

-- Full-text index over number, subject and description. External content:
-- the text lives only in tickets; the triggers below keep the index in step
-- inside the writing transaction. columnsize=0: no ranking, one table less
-- to write per ticket.
CREATE VIRTUAL TABLE tickets_fts USING fts5 (
    ticket_number, subject, description,
    content = 'tickets', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    columnsize = 0
);
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, ticket_number, subject, description)
    VALUES (new.id, new.ticket_number, new.subject, new.description);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, ticket_number, subject, description)
    VALUES ('delete', old.id, old.ticket_number, old.subject, old.description);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF ticket_number, subject, description ON tickets
WHEN old.ticket_number IS NOT new.ticket_number OR old.subject IS NOT new.subject
     OR old.description IS NOT new.description BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, ticket_number, subject, description)
    VALUES ('delete', old.id, old.ticket_number, old.subject, old.description);
    INSERT INTO tickets_fts (rowid, ticket_number, subject, description)
    VALUES (new.id, new.ticket_number, new.subject, new.description);
END;

-- Stats aggregates kept by triggers: one row per (owner, status, priority,
-- department) plus the same keys under employee = 0 for all tickets (account
-- ids start at 1). Staff stats read at most 9 x 4 x departments rows, an
-- owner's the same through the primary key; list counts filtered only by
-- status and/or owner sum n here instead of counting tickets. Rows whose n
-- dropped to 0 stay and are skipped by readers.
CREATE TABLE ticket_stats (
    employee       INTEGER NOT NULL,
    status         INTEGER NOT NULL,
    priority       INTEGER NOT NULL,
    department     TEXT    NOT NULL,
    n              INTEGER NOT NULL,
    sum_response   INTEGER NOT NULL,
    n_response     INTEGER NOT NULL,
    sum_resolution INTEGER NOT NULL,
    n_resolution   INTEGER NOT NULL,
    PRIMARY KEY (employee, status, priority, department)
) WITHOUT ROWID;

CREATE TRIGGER ticket_stats_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_stats (employee, status, priority, department, n,
                              sum_response, n_response, sum_resolution, n_resolution)
    VALUES (new.employee, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL),
           (0, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL)
    ON CONFLICT (employee, status, priority, department) DO UPDATE SET
        n = n + 1,
        sum_response = sum_response + excluded.sum_response,
        n_response = n_response + excluded.n_response,
        sum_resolution = sum_resolution + excluded.sum_resolution,
        n_resolution = n_resolution + excluded.n_resolution;
END;
CREATE TRIGGER ticket_stats_delete AFTER DELETE ON tickets BEGIN
    UPDATE ticket_stats SET
        n = n - 1,
        sum_response = sum_response - coalesce(old.response_seconds, 0),
        n_response = n_response - (old.response_seconds IS NOT NULL),
        sum_resolution = sum_resolution - coalesce(old.resolution_seconds, 0),
        n_resolution = n_resolution - (old.resolution_seconds IS NOT NULL)
    WHERE employee IN (old.employee, 0) AND status = old.status
      AND priority = old.priority AND department = old.department;
END;
CREATE TRIGGER ticket_stats_update
AFTER UPDATE OF employee, status, priority, department, response_seconds, resolution_seconds ON tickets
WHEN old.employee <> new.employee OR old.status <> new.status OR old.priority <> new.priority
     OR old.department <> new.department OR old.response_seconds IS NOT new.response_seconds
     OR old.resolution_seconds IS NOT new.resolution_seconds BEGIN
    UPDATE ticket_stats SET
        n = n - 1,
        sum_response = sum_response - coalesce(old.response_seconds, 0),
        n_response = n_response - (old.response_seconds IS NOT NULL),
        sum_resolution = sum_resolution - coalesce(old.resolution_seconds, 0),
        n_resolution = n_resolution - (old.resolution_seconds IS NOT NULL)
    WHERE employee IN (old.employee, 0) AND status = old.status
      AND priority = old.priority AND department = old.department;
    INSERT INTO ticket_stats (employee, status, priority, department, n,
                              sum_response, n_response, sum_resolution, n_resolution)
    VALUES (new.employee, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL),
           (0, new.status, new.priority, new.department, 1,
            coalesce(new.response_seconds, 0), new.response_seconds IS NOT NULL,
            coalesce(new.resolution_seconds, 0), new.resolution_seconds IS NOT NULL)
    ON CONFLICT (employee, status, priority, department) DO UPDATE SET
        n = n + 1,
        sum_response = sum_response + excluded.sum_response,
        n_response = n_response + excluded.n_response,
        sum_resolution = sum_resolution + excluded.sum_resolution,
        n_resolution = n_resolution + excluded.n_resolution;
END;
)sql";

// Step 2 drops PostgreSQL's whole-table ordering indexes. SQLite keeps
// them: it cannot merge the ordered ranges of every status, so a list without
// a status filter walks tickets_by_submit (or _update, _priority) instead.
constexpr std::string_view v2_whole_table_order_indexes = R"sql(
-- Nothing to do: SQLite keeps tickets_by_submit, tickets_by_update and tickets_by_priority.
)sql";

// Refresh tokens of login sessions (docs/product.md#sessions-and-tokens:
// refresh, logout, password change; revocations live in the store). Token
// and session ids are stored only as SHA-256 hex hashes. Revoked rows stay until they have been
// expired for a day, so that a replayed token is recognised as reuse; the
// engine deletes an account's long-expired rows when the account opens or
// rotates a session, and the account's removal deletes them all.
// (account_id, session_hash) serves logout, "revoke the others", the
// per-account purge and the cascade.
constexpr std::string_view v3_refresh_tokens = R"sql(
CREATE TABLE refresh_tokens (
    token_hash   TEXT    PRIMARY KEY,
    session_hash TEXT    NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) WITHOUT ROWID;
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (account_id, session_hash);
)sql";

// Token buckets shared by every server on the store
// (docs/product.md#rate-limits). Tokens in fixed point (thousandths). The
// engine deletes buckets idle for a day every ~1000th take; the index on
// updated_at serves that.
constexpr std::string_view v4_rate_limit_buckets = R"sql(
CREATE TABLE rate_limit_buckets (
    bucket_key   TEXT    PRIMARY KEY,
    milli_tokens INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rate_limit_buckets_by_update ON rate_limit_buckets (updated_at);
)sql";

// Leased settling, secrets and partial delivery of outbox events (docs/product.md#notifications):
// `lease` is the random token of the worker holding a claim ('' when none);
// settling compares it in the UPDATE's WHERE. `secret` is a one-time token a
// channel needs, erased once delivered. `delivered_to` lists the relay
// channels that already have the event, joined by ','. The index serves the
// admin list of one state, newest first (state = ? ORDER BY id DESC), without
// a sort.
constexpr std::string_view v5_outbox_leases = R"sql(
ALTER TABLE outbox_events ADD COLUMN lease TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_events ADD COLUMN secret TEXT;
ALTER TABLE outbox_events ADD COLUMN delivered_to TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_events_by_state ON outbox_events (state, id);
-- Events written before this version carried the tokens in their payload:
-- they move to the secret, which delivery erases.
UPDATE outbox_events SET secret = json_extract(payload, '$.token'), payload = json_remove(payload, '$.token')
 WHERE kind = 'password_reset.requested' AND json_extract(payload, '$.token') IS NOT NULL;
UPDATE outbox_events SET secret = json_extract(payload, '$.set_password_token'),
                         payload = json_remove(payload, '$.set_password_token')
 WHERE kind = 'account.created' AND json_extract(payload, '$.set_password_token') IS NOT NULL;
)sql";
// API keys of external systems (docs/product.md#workflow-system), managed by
// System Admins or the operator's command line. Only the SHA-256 hex of a
// key is stored; the unique index on it serves the per-request lookup.
// created_by has no foreign key: like the rejection audit, the record
// outlives its author.
constexpr std::string_view v6_api_keys = R"sql(
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,
    created_by   INTEGER,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    last_used_at INTEGER
);
)sql";

// SLA policy versions (docs/product.md#sla), never changed once written:
// the policy's row, its working hours (weekday 0 = Monday; minutes after
// local midnight), its holidays (days since the epoch) and its targets (the
// policy's own under department '', a department's overrides under its
// name; units minutes=0, hours=1, days=2). pausing_statuses holds the
// statuses' names in the policy's order, joined by ','. created_by has no
// foreign key, as in api_keys. Each ticket gains its measurement (policy
// version 0 until measured; each clock's due, at-risk and stop instants and
// whether it is paused) and the bit set of the SLA notices sent for it.
constexpr std::string_view v7_sla = R"sql(
CREATE TABLE sla_policies (
    version          INTEGER PRIMARY KEY,
    time_zone        TEXT    NOT NULL,
    at_risk_percent  INTEGER NOT NULL,
    pausing_statuses TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    created_by       INTEGER
);
CREATE TABLE sla_policy_hours (
    version      INTEGER NOT NULL REFERENCES sla_policies (version),
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute INTEGER NOT NULL,
    end_minute   INTEGER NOT NULL,
    PRIMARY KEY (version, weekday, start_minute)
) WITHOUT ROWID;
CREATE TABLE sla_policy_holidays (
    version INTEGER NOT NULL REFERENCES sla_policies (version),
    day     INTEGER NOT NULL,
    PRIMARY KEY (version, day)
) WITHOUT ROWID;
CREATE TABLE sla_policy_targets (
    version               INTEGER NOT NULL REFERENCES sla_policies (version),
    department            TEXT    NOT NULL,
    priority              INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    first_response_amount INTEGER NOT NULL,
    first_response_unit   INTEGER NOT NULL CHECK (first_response_unit BETWEEN 0 AND 2),
    resolution_amount     INTEGER NOT NULL,
    resolution_unit       INTEGER NOT NULL CHECK (resolution_unit BETWEEN 0 AND 2),
    around_the_clock      INTEGER NOT NULL,
    PRIMARY KEY (version, department, priority)
) WITHOUT ROWID;
ALTER TABLE tickets ADD COLUMN sla_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_first_response_due INTEGER;
ALTER TABLE tickets ADD COLUMN sla_first_response_at_risk_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_first_response_stopped_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_first_response_paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_resolution_due INTEGER;
ALTER TABLE tickets ADD COLUMN sla_resolution_at_risk_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_resolution_stopped_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_resolution_paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_notified INTEGER NOT NULL DEFAULT 0;
)sql";

// Derived from the SLA columns by every write (sql/row_mappers.hpp), so that
// lists and the scheduler compare them with now through an index. No stored
// ticket was measured before this step, so the defaults are right for all.
// The order keys are the due dates, or the largest value when there is none.
constexpr std::string_view v8_sla_indexes = R"sql(
ALTER TABLE tickets ADD COLUMN sla_settled INTEGER;
ALTER TABLE tickets ADD COLUMN sla_at_risk_from INTEGER;
ALTER TABLE tickets ADD COLUMN sla_breached_after INTEGER;
ALTER TABLE tickets ADD COLUMN sla_next_notice_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_first_response_order INTEGER NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE tickets ADD COLUMN sla_resolution_order INTEGER NOT NULL DEFAULT 9223372036854775807;
CREATE INDEX tickets_by_sla_at_risk ON tickets (sla_at_risk_from) WHERE sla_at_risk_from IS NOT NULL;
CREATE INDEX tickets_by_sla_breach ON tickets (sla_breached_after) WHERE sla_breached_after IS NOT NULL;
CREATE INDEX tickets_by_sla_notice ON tickets (sla_next_notice_at) WHERE sla_next_notice_at IS NOT NULL;
CREATE INDEX tickets_by_first_response_due ON tickets (sla_first_response_order);
CREATE INDEX tickets_by_resolution_due ON tickets (sla_resolution_order);
CREATE INDEX tickets_by_status_first_response_due ON tickets (status, sla_first_response_order);
CREATE INDEX tickets_by_status_resolution_due ON tickets (status, sla_resolution_order);
)sql";

// Account administration (docs/product.md#account-administration): the
// active flag beside the approval status (every existing account stays
// active), and one history row per changed field. The history goes with a
// removed (rejected) account; the actor is a plain id, as in the audit.
constexpr std::string_view v9_account_administration = R"sql(
ALTER TABLE accounts ADD COLUMN is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1));
CREATE TABLE account_history (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    actor      INTEGER,
    at         INTEGER NOT NULL,
    field      TEXT    NOT NULL,
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX account_history_by_account ON account_history (account_id);
)sql";

// The breached list in submission order (the default): walked through this
// index, testing the breach instant from the index alone, a page reads only
// the tickets it returns. Once `PRAGMA optimize` has written statistics,
// SQLite otherwise ranges over the breach instants and sorts every breached
// ticket (80 ms a page at 50,000); the list plan keeps the breach index out
// of that query (ticket_list_dialect::breached_in_submission_order).
constexpr std::string_view v14_breached_by_submission = R"sql(
CREATE INDEX tickets_breached_by_submission ON tickets (submit_date, id, sla_breached_after)
WHERE sla_breached_after IS NOT NULL;
)sql";

constexpr sql::migration all_migrations[] = {
    {1, v1_initial_schema},
    {2, v2_whole_table_order_indexes},
    {3, v3_refresh_tokens},
    {4, v4_rate_limit_buckets},
    {5, v5_outbox_leases},
    {6, v6_api_keys},
    {7, v7_sla},
    {8, v8_sla_indexes},
    {9, v9_account_administration},
    {10, v10_canned_replies},
    {11, v11_automations},
    {12, v12_automatic_assignment},
    {13, v13_sla_compliance},
    {14, v14_breached_by_submission},
};
} // namespace

std::span<const sql::migration> migrations() noexcept { return all_migrations; }

} // namespace helpdesk::sqlite::detail

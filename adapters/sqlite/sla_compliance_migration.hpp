#pragma once

#include <string_view>

namespace helpdesk::sqlite::detail {

/// Schema step 13, SLA compliance in the stats (docs/product.md#sla): an
/// aggregate kept by triggers, as `ticket_stats`, with one row per (owner,
/// priority, department) plus the same keys under employee = 0 for all
/// tickets; per target, the measured tickets (sla_version > 0) whose clock
/// stopped by its due date (met), stopped after it (late: due < stopped_at,
/// as `state_at(sla_clock)` judges a stopped clock), or has not stopped
/// (open). That rule is written once, in the trigger of the view
/// `sla_compliance_moves`: inserting a ticket's values there with sign 1
/// adds its contribution, with sign -1 takes it away. The ticket triggers
/// move the old values out and the new ones in; the aggregate is filled from
/// the existing tickets the same way. Which open clocks are past their due
/// date depends on the moment of the read: the partial indexes hold exactly
/// the tickets whose clock has not stopped and has a due date, by due date
/// (all tickets) and by owner and due date, with the key and the stop
/// column (always NULL there) riding along, so that SQLite counts from the
/// index alone.
inline constexpr std::string_view v13_sla_compliance = R"sql(
CREATE TABLE sla_compliance_stats (
    employee            INTEGER NOT NULL,
    priority            INTEGER NOT NULL,
    department          TEXT    NOT NULL,
    first_response_met  INTEGER NOT NULL,
    first_response_late INTEGER NOT NULL,
    first_response_open INTEGER NOT NULL,
    resolution_met      INTEGER NOT NULL,
    resolution_late     INTEGER NOT NULL,
    resolution_open     INTEGER NOT NULL,
    PRIMARY KEY (employee, priority, department)
) WITHOUT ROWID;

CREATE VIEW sla_compliance_moves AS
SELECT 0 AS sign, employee, priority, department, sla_version, sla_first_response_due, sla_first_response_stopped_at,
           sla_resolution_due, sla_resolution_stopped_at
FROM tickets WHERE 0;

CREATE TRIGGER sla_compliance_move INSTEAD OF INSERT ON sla_compliance_moves WHEN new.sla_version > 0 BEGIN
    INSERT INTO sla_compliance_stats
    SELECT k.e, new.priority, new.department,
           new.sign * ((new.sla_first_response_stopped_at IS NOT NULL)
                       - coalesce(new.sla_first_response_stopped_at > new.sla_first_response_due, 0)),
           new.sign * coalesce(new.sla_first_response_stopped_at > new.sla_first_response_due, 0),
           new.sign * (new.sla_first_response_stopped_at IS NULL),
           new.sign * ((new.sla_resolution_stopped_at IS NOT NULL)
                       - coalesce(new.sla_resolution_stopped_at > new.sla_resolution_due, 0)),
           new.sign * coalesce(new.sla_resolution_stopped_at > new.sla_resolution_due, 0),
           new.sign * (new.sla_resolution_stopped_at IS NULL)
    FROM (SELECT new.employee AS e UNION ALL SELECT 0 AS e) AS k WHERE true
    ON CONFLICT (employee, priority, department) DO UPDATE SET
        first_response_met = first_response_met + excluded.first_response_met,
        first_response_late = first_response_late + excluded.first_response_late,
        first_response_open = first_response_open + excluded.first_response_open,
        resolution_met = resolution_met + excluded.resolution_met,
        resolution_late = resolution_late + excluded.resolution_late,
        resolution_open = resolution_open + excluded.resolution_open;
END;

INSERT INTO sla_compliance_moves SELECT 1, employee, priority, department, sla_version, sla_first_response_due, sla_first_response_stopped_at,
           sla_resolution_due, sla_resolution_stopped_at FROM tickets;

CREATE TRIGGER sla_compliance_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO sla_compliance_moves VALUES (1, new.employee, new.priority, new.department, new.sla_version,
        new.sla_first_response_due, new.sla_first_response_stopped_at, new.sla_resolution_due,
        new.sla_resolution_stopped_at);
END;
CREATE TRIGGER sla_compliance_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO sla_compliance_moves VALUES (-1, old.employee, old.priority, old.department, old.sla_version,
        old.sla_first_response_due, old.sla_first_response_stopped_at, old.sla_resolution_due,
        old.sla_resolution_stopped_at);
END;
CREATE TRIGGER sla_compliance_update
AFTER UPDATE OF employee, priority, department, sla_version, sla_first_response_due,
                sla_first_response_stopped_at, sla_resolution_due, sla_resolution_stopped_at ON tickets
WHEN old.employee <> new.employee OR old.priority <> new.priority OR old.department <> new.department
     OR old.sla_version <> new.sla_version
     OR old.sla_first_response_due IS NOT new.sla_first_response_due
     OR old.sla_first_response_stopped_at IS NOT new.sla_first_response_stopped_at
     OR old.sla_resolution_due IS NOT new.sla_resolution_due
     OR old.sla_resolution_stopped_at IS NOT new.sla_resolution_stopped_at BEGIN
    INSERT INTO sla_compliance_moves VALUES (-1, old.employee, old.priority, old.department, old.sla_version,
        old.sla_first_response_due, old.sla_first_response_stopped_at, old.sla_resolution_due,
        old.sla_resolution_stopped_at);
    INSERT INTO sla_compliance_moves VALUES (1, new.employee, new.priority, new.department, new.sla_version,
        new.sla_first_response_due, new.sla_first_response_stopped_at, new.sla_resolution_due,
        new.sla_resolution_stopped_at);
END;

CREATE INDEX tickets_by_first_response_overdue
ON tickets (sla_first_response_due, priority, department, sla_first_response_stopped_at)
WHERE sla_first_response_stopped_at IS NULL AND sla_first_response_due IS NOT NULL;
CREATE INDEX tickets_by_owner_first_response_overdue
ON tickets (employee, sla_first_response_due, priority, department, sla_first_response_stopped_at)
WHERE sla_first_response_stopped_at IS NULL AND sla_first_response_due IS NOT NULL;
CREATE INDEX tickets_by_resolution_overdue
ON tickets (sla_resolution_due, priority, department, sla_resolution_stopped_at)
WHERE sla_resolution_stopped_at IS NULL AND sla_resolution_due IS NOT NULL;
CREATE INDEX tickets_by_owner_resolution_overdue
ON tickets (employee, sla_resolution_due, priority, department, sla_resolution_stopped_at)
WHERE sla_resolution_stopped_at IS NULL AND sla_resolution_due IS NOT NULL;
)sql";

} // namespace helpdesk::sqlite::detail

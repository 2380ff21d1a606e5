#pragma once

#include <string_view>

namespace helpdesk::sqlite::detail {

/// Schema step 11, SLA compliance in the stats (docs/product.md#sla): an
/// aggregate kept by triggers, as `ticket_stats`, with one row per (owner,
/// priority, department) plus the same keys under employee = 0 for all
/// tickets; per target, the measured tickets (sla_version > 0) whose clock
/// stopped by its due date (met), stopped after it (late: due < stopped_at,
/// as `state_at(sla_clock)` judges a stopped clock), or has not stopped
/// (open). The view states that rule once: each measured ticket's two
/// contributions (under its owner and under 0). The old contribution leaves
/// before an update or delete, the new one joins after an insert or update,
/// each read from the row by id. Which open clocks are past their due date
/// depends on the moment of the read: the partial indexes hold exactly the
/// tickets whose clock has not stopped and has a due date, by due date (all
/// tickets) and by owner and due date, with the key riding along. The
/// aggregate is filled from the existing tickets.
inline constexpr std::string_view v11_sla_compliance = R"sql(
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

CREATE VIEW sla_compliance_contributions AS
SELECT t.id, CASE k.own WHEN 1 THEN t.employee ELSE 0 END AS employee, t.priority, t.department,
       (t.sla_first_response_stopped_at IS NOT NULL)
           - coalesce(t.sla_first_response_stopped_at > t.sla_first_response_due, 0) AS first_response_met,
       coalesce(t.sla_first_response_stopped_at > t.sla_first_response_due, 0) AS first_response_late,
       t.sla_first_response_stopped_at IS NULL AS first_response_open,
       (t.sla_resolution_stopped_at IS NOT NULL)
           - coalesce(t.sla_resolution_stopped_at > t.sla_resolution_due, 0) AS resolution_met,
       coalesce(t.sla_resolution_stopped_at > t.sla_resolution_due, 0) AS resolution_late,
       t.sla_resolution_stopped_at IS NULL AS resolution_open
FROM tickets AS t CROSS JOIN (SELECT 0 AS own UNION ALL SELECT 1 AS own) AS k
WHERE t.sla_version > 0;

INSERT INTO sla_compliance_stats
SELECT employee, priority, department, sum(first_response_met), sum(first_response_late),
       sum(first_response_open), sum(resolution_met), sum(resolution_late), sum(resolution_open)
FROM sla_compliance_contributions GROUP BY employee, priority, department;

CREATE TRIGGER sla_compliance_insert AFTER INSERT ON tickets WHEN new.sla_version > 0 BEGIN
    INSERT INTO sla_compliance_stats
    SELECT employee, priority, department, first_response_met, first_response_late, first_response_open,
           resolution_met, resolution_late, resolution_open
    FROM sla_compliance_contributions WHERE id = new.id
    ON CONFLICT (employee, priority, department) DO UPDATE SET
        first_response_met = first_response_met + excluded.first_response_met,
        first_response_late = first_response_late + excluded.first_response_late,
        first_response_open = first_response_open + excluded.first_response_open,
        resolution_met = resolution_met + excluded.resolution_met,
        resolution_late = resolution_late + excluded.resolution_late,
        resolution_open = resolution_open + excluded.resolution_open;
END;
CREATE TRIGGER sla_compliance_delete BEFORE DELETE ON tickets WHEN old.sla_version > 0 BEGIN
    UPDATE sla_compliance_stats SET
        first_response_met = sla_compliance_stats.first_response_met - c.first_response_met,
        first_response_late = sla_compliance_stats.first_response_late - c.first_response_late,
        first_response_open = sla_compliance_stats.first_response_open - c.first_response_open,
        resolution_met = sla_compliance_stats.resolution_met - c.resolution_met,
        resolution_late = sla_compliance_stats.resolution_late - c.resolution_late,
        resolution_open = sla_compliance_stats.resolution_open - c.resolution_open
    FROM sla_compliance_contributions AS c
    WHERE c.id = old.id AND sla_compliance_stats.employee = c.employee
      AND sla_compliance_stats.priority = c.priority AND sla_compliance_stats.department = c.department;
END;
CREATE TRIGGER sla_compliance_update_old
BEFORE UPDATE OF employee, priority, department, sla_version, sla_first_response_due,
                 sla_first_response_stopped_at, sla_resolution_due, sla_resolution_stopped_at ON tickets
WHEN old.sla_version > 0 AND (old.employee <> new.employee OR old.priority <> new.priority
     OR old.department <> new.department OR old.sla_version <> new.sla_version
     OR old.sla_first_response_due IS NOT new.sla_first_response_due
     OR old.sla_first_response_stopped_at IS NOT new.sla_first_response_stopped_at
     OR old.sla_resolution_due IS NOT new.sla_resolution_due
     OR old.sla_resolution_stopped_at IS NOT new.sla_resolution_stopped_at) BEGIN
    UPDATE sla_compliance_stats SET
        first_response_met = sla_compliance_stats.first_response_met - c.first_response_met,
        first_response_late = sla_compliance_stats.first_response_late - c.first_response_late,
        first_response_open = sla_compliance_stats.first_response_open - c.first_response_open,
        resolution_met = sla_compliance_stats.resolution_met - c.resolution_met,
        resolution_late = sla_compliance_stats.resolution_late - c.resolution_late,
        resolution_open = sla_compliance_stats.resolution_open - c.resolution_open
    FROM sla_compliance_contributions AS c
    WHERE c.id = old.id AND sla_compliance_stats.employee = c.employee
      AND sla_compliance_stats.priority = c.priority AND sla_compliance_stats.department = c.department;
END;
CREATE TRIGGER sla_compliance_update_new
AFTER UPDATE OF employee, priority, department, sla_version, sla_first_response_due,
                sla_first_response_stopped_at, sla_resolution_due, sla_resolution_stopped_at ON tickets
WHEN new.sla_version > 0 AND (old.employee <> new.employee OR old.priority <> new.priority
     OR old.department <> new.department OR old.sla_version <> new.sla_version
     OR old.sla_first_response_due IS NOT new.sla_first_response_due
     OR old.sla_first_response_stopped_at IS NOT new.sla_first_response_stopped_at
     OR old.sla_resolution_due IS NOT new.sla_resolution_due
     OR old.sla_resolution_stopped_at IS NOT new.sla_resolution_stopped_at) BEGIN
    INSERT INTO sla_compliance_stats
    SELECT employee, priority, department, first_response_met, first_response_late, first_response_open,
           resolution_met, resolution_late, resolution_open
    FROM sla_compliance_contributions WHERE id = new.id
    ON CONFLICT (employee, priority, department) DO UPDATE SET
        first_response_met = first_response_met + excluded.first_response_met,
        first_response_late = first_response_late + excluded.first_response_late,
        first_response_open = first_response_open + excluded.first_response_open,
        resolution_met = resolution_met + excluded.resolution_met,
        resolution_late = resolution_late + excluded.resolution_late,
        resolution_open = resolution_open + excluded.resolution_open;
END;

CREATE INDEX tickets_by_first_response_overdue ON tickets (sla_first_response_due, priority, department)
WHERE sla_first_response_stopped_at IS NULL AND sla_first_response_due IS NOT NULL;
CREATE INDEX tickets_by_owner_first_response_overdue
ON tickets (employee, sla_first_response_due, priority, department)
WHERE sla_first_response_stopped_at IS NULL AND sla_first_response_due IS NOT NULL;
CREATE INDEX tickets_by_resolution_overdue ON tickets (sla_resolution_due, priority, department)
WHERE sla_resolution_stopped_at IS NULL AND sla_resolution_due IS NOT NULL;
CREATE INDEX tickets_by_owner_resolution_overdue ON tickets (employee, sla_resolution_due, priority, department)
WHERE sla_resolution_stopped_at IS NULL AND sla_resolution_due IS NOT NULL;
)sql";

} // namespace helpdesk::sqlite::detail

// The SLA policy as the settings form edits it: every member present, so the
// inputs never switch between controlled and uncontrolled, and what is sent
// back is the whole editable policy (PATCH replaces the members sent).
import type { FieldErrors } from '../../../api/errors';
import type { SlaPolicy, SlaSpan } from '../../../api/types';

export const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The statuses that may pause the resolution clock. */
export const PAUSABLE = ['Open', 'In Progress', 'On Hold', 'Pending'] as const;
export const UNITS: readonly SlaSpan['unit'][] = ['minutes', 'hours', 'days'];

export interface TargetsDraft {
  first_response: SlaSpan;
  resolution: SlaSpan;
  around_the_clock: boolean;
}
export interface OverrideDraft extends TargetsDraft {
  department: string;
  priority: string;
}
export interface WorkHours {
  start: string;
  end: string;
}
export interface PolicyDraft {
  time_zone: string;
  week: Record<Weekday, WorkHours[]>;
  holidays: string[];
  targets: Record<Priority, TargetsDraft>;
  overrides: OverrideDraft[];
  at_risk_percent: number;
  pausing_statuses: string[];
}

const NO_SPAN: SlaSpan = { amount: 1, unit: 'hours' };

function targetsFrom(t: Partial<TargetsDraft> | undefined): TargetsDraft {
  return {
    first_response: { ...(t?.first_response ?? NO_SPAN) },
    resolution: { ...(t?.resolution ?? NO_SPAN) },
    around_the_clock: t?.around_the_clock ?? false,
  };
}

export function draftFrom(policy: SlaPolicy): PolicyDraft {
  const week = {} as Record<Weekday, WorkHours[]>;
  for (const day of WEEKDAYS) week[day] = (policy.calendar?.week?.[day] ?? []).map((h) => ({ ...h }));
  const targets = {} as Record<Priority, TargetsDraft>;
  for (const p of PRIORITIES) targets[p] = targetsFrom(policy.targets?.[p]);
  return {
    time_zone: policy.calendar?.time_zone ?? 'UTC',
    week,
    holidays: [...(policy.calendar?.holidays ?? [])],
    targets,
    overrides: (policy.overrides ?? []).map((o) => ({ ...targetsFrom(o), department: o.department, priority: o.priority })),
    at_risk_percent: policy.at_risk_percent ?? 75,
    pausing_statuses: [...(policy.pausing_statuses ?? [])],
  };
}

/** The PATCH body: every editable member (read-only ones are left out). */
export function changeFrom(draft: PolicyDraft): SlaPolicy {
  return {
    calendar: { time_zone: draft.time_zone.trim(), week: draft.week, holidays: draft.holidays },
    targets: draft.targets,
    overrides: draft.overrides,
    at_risk_percent: draft.at_risk_percent,
    pausing_statuses: draft.pausing_statuses as SlaPolicy['pausing_statuses'],
  };
}

/** A fresh override: the priority's own targets, for the first department. */
export function newOverride(draft: PolicyDraft, department: string): OverrideDraft {
  return { ...targetsFrom(draft.targets.High), department, priority: 'High' };
}

/**
 * The messages for `path` and for the members under it ("targets.High.resolution"
 * also gathers "targets.High.resolution.amount"), as the server names the fields.
 */
export function errorsAt(errors: FieldErrors, path: string): string[] {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    if (key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) out.push(...messages);
  }
  return out;
}

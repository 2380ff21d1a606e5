import type { SlaState } from '../api/types';

/** Each SLA state in words, for badges and filters. */
export const SLA_STATES: readonly { value: SlaState; label: string }[] = [
  { value: 'on_track', label: 'On track' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'breached', label: 'Breached' },
  { value: 'met', label: 'Met' },
  { value: 'paused', label: 'Paused' },
];

export function slaStateLabel(state: SlaState): string {
  return SLA_STATES.find((s) => s.value === state)?.label ?? state;
}

/** An SLA state as a badge: the words carry the meaning, the colour only repeats it. */
export function SlaBadge({ state }: { state: SlaState | null | undefined }) {
  if (!state) return <span className="badge">Not measured</span>;
  return <span className={`badge badge--sla badge--sla-${state.replace('_', '-')}`}>{slaStateLabel(state)}</span>;
}

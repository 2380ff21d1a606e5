import type { SlaState } from '../api/types';

const LABELS: Record<SlaState, string> = { on_track: 'On track', at_risk: 'At risk', breached: 'Breached', met: 'Met', paused: 'Paused' };

/** Each SLA state in words, in this order, for badges and filters. */
export const SLA_STATES = (Object.keys(LABELS) as SlaState[]).map((value) => ({ value, label: LABELS[value] }));

export function slaStateLabel(state: SlaState): string {
  return LABELS[state] ?? state;
}

/** An SLA state as a badge: the words carry the meaning, the colour only repeats it. */
export function SlaBadge({ state }: { state: SlaState | null | undefined }) {
  if (!state) return <span className="badge">Not measured</span>;
  return <span className={`badge badge--sla badge--sla-${state.replace('_', '-')}`}>{slaStateLabel(state)}</span>;
}

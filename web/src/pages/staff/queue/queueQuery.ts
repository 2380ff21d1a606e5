// The queue's state lives in the URL (?view=&status=&priority=&department=
// &category=&sla=&search=&ordering=); this turns it into GET /api/tickets/ queries.
// Paging is by cursor only (keyset paging stays fast at any depth).
import type { Query } from '../../../api/url';
import { SLA_STATES } from '../../../components/SlaBadge';

export type QueueView = 'new' | 'open' | 'mine' | 'all';

export interface QueueViewInfo {
  view: QueueView;
  label: string;
  /** The statuses the view always asks for (empty: any). */
  statuses: readonly string[];
  /** Statuses a person may narrow the view to (empty: the filter is hidden). */
  choosable: readonly string[];
}

const ACTIVE = ['Open', 'In Progress', 'On Hold', 'Pending'] as const;
export const ALL_STATUSES = ['New', 'Open', 'In Progress', 'On Hold', 'Pending', 'Resolved', 'Closed', 'Rejected', 'Withdrawn'] as const;

export const QUEUE_VIEWS: readonly QueueViewInfo[] = [
  { view: 'new', label: 'New', statuses: ['New'], choosable: [] },
  { view: 'open', label: 'Open', statuses: ['Open'], choosable: [] },
  // As GET /api/tickets/my-tickets/: the active tickets assigned to me.
  { view: 'mine', label: 'Assigned to me', statuses: ACTIVE, choosable: ACTIVE },
  { view: 'all', label: 'All', statuses: [], choosable: ALL_STATUSES },
];

export const ORDERINGS: readonly { value: string; label: string }[] = [
  { value: '-submit_date', label: 'Newest first' },
  { value: 'submit_date', label: 'Oldest first' },
  { value: '-update_date', label: 'Recently updated' },
  { value: 'update_date', label: 'Least recently updated' },
  { value: '-priority', label: 'Highest priority first' },
  { value: 'priority', label: 'Lowest priority first' },
  { value: 'resolution_due', label: 'Resolution due soonest' },
  { value: 'first_response_due', label: 'First response due soonest' },
];
export const DEFAULT_ORDERING = '-submit_date';

export interface QueueState {
  view: QueueView;
  status: string;
  priority: string;
  department: string;
  category: string;
  /** An SLA state (on_track, at_risk, breached, met, paused) or '' for any. */
  sla: string;
  search: string;
  ordering: string;
}

/** The filter keys kept in the URL besides `view`. */
export const FILTER_KEYS = ['status', 'priority', 'department', 'category', 'sla', 'search', 'ordering'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export function viewInfo(view: QueueView): QueueViewInfo {
  return QUEUE_VIEWS.find((v) => v.view === view) ?? QUEUE_VIEWS[0]!;
}

function isView(value: string | null): value is QueueView {
  return value === 'new' || value === 'open' || value === 'mine' || value === 'all';
}

/** The queue's state from the address bar; unknown values fall back to defaults. */
export function queueStateFrom(params: URLSearchParams): QueueState {
  const rawView = params.get('view');
  const view: QueueView = isView(rawView) ? rawView : 'new';
  const status = params.get('status') ?? '';
  const ordering = params.get('ordering') ?? '';
  const sla = params.get('sla') ?? '';
  return {
    view,
    status: viewInfo(view).choosable.includes(status) ? status : '',
    priority: params.get('priority') ?? '',
    department: params.get('department') ?? '',
    category: params.get('category') ?? '',
    sla: SLA_STATES.some((s) => s.value === sla) ? sla : '',
    search: params.get('search') ?? '',
    ordering: ORDERINGS.some((o) => o.value === ordering) ? ordering : DEFAULT_ORDERING,
  };
}

/**
 * The query for GET /api/tickets/. `cursor` is '' for the first page (which
 * asks for keyset paging); `userId` is the signed-in person (for "mine").
 */
export function ticketQuery(state: QueueState, userId: number, cursor: string, pageSize = 25): Query {
  const info = viewInfo(state.view);
  const status = state.status ? [state.status] : info.statuses;
  const search = state.search.trim();
  return {
    status: status.length > 0 ? status : undefined,
    assigned_to: state.view === 'mine' ? userId : undefined,
    priority: state.priority || undefined,
    department: state.department || undefined,
    category: state.category || undefined,
    sla: state.sla || undefined,
    search: search || undefined,
    ordering: state.ordering,
    page_size: pageSize,
    cursor,
  };
}

/** The URL's search params after setting one filter ('' removes it). */
export function withFilter(params: URLSearchParams, key: FilterKey | 'view', value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  if (key === 'view') next.delete('status'); // each view has its own statuses
  return next;
}

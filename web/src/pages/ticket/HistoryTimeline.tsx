import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { HistoryEvent, Page } from '../../api/types';
import { linkParam } from '../../api/url';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';

/** Events per request; a long history shows this many, then "Show more". */
export const HISTORY_PAGE_SIZE = 50;

const KINDS: Record<string, string> = {
  created: 'Ticket raised',
  status_changed: 'Status changed',
  priority_changed: 'Priority changed',
  department_changed: 'Department changed',
  assigned: 'Assigned',
  comment_added: 'Comment added',
  internal_comment_added: 'Internal note added',
  attachment_added: 'File attached',
  finalized: 'Handed to the workflow',
  unassigned: 'Unassigned',
  category_changed: 'Category changed',
  sub_category_changed: 'Sub-category changed',
  sla_reapplied: 'SLA re-measured, policy version',
  closed_automatically: 'Closed automatically',
  owner_reminded: 'Requester reminded',
};

/** Kinds whose value is a waiting time ("7 days"), said as a sentence rather than as a value. */
const AFTER: Record<string, string> = {
  closed_automatically: 'Closed automatically after %s resolved without an answer',
  owner_reminded: 'Requester reminded after %s waiting on them',
};

export function describeEvent(e: HistoryEvent): string {
  const after = AFTER[e.kind];
  if (after && e.new_value) return after.replace('%s', e.new_value);
  if (e.kind === 'unassigned') return KINDS.unassigned!;
  const what = KINDS[e.kind] ?? e.kind.replace(/_/g, ' ');
  if (e.old_value && e.new_value) return `${what}: ${e.old_value} → ${e.new_value}`;
  if (e.new_value) return `${what}: ${e.new_value}`;
  return what;
}

/**
 * The ticket's history, loaded when the reader opens it: the first page by
 * cursor, then "Show more" appends the next ones. Opening it again after the
 * ticket changed (a new `version`) starts over from the first page.
 */
export function HistoryTimeline({ ticketId, version }: { ticketId: number; version: number }) {
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  /** The cursor of the page after the last one shown; null when it was the last. */
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<number | null>(null);
  const [error, setError] = useState<{ message: string; retry: () => void } | null>(null);
  const [loading, setLoading] = useState<'first' | 'more' | null>(null);
  // A "Show more" answer that arrives after the list started over is dropped.
  const generation = useRef(0);

  function fetchPage(cursor: string): Promise<Page<HistoryEvent>> {
    return api.get<Page<HistoryEvent>>(`/api/tickets/${ticketId}/history/`, { query: { cursor, page_size: HISTORY_PAGE_SIZE } });
  }

  async function load() {
    const mine = ++generation.current;
    setLoading('first');
    setError(null);
    try {
      const page = await fetchPage('');
      if (mine !== generation.current) return;
      setEvents(page.results);
      setNextCursor(linkParam(page.next, 'cursor'));
      setLoadedFor(version);
    } catch (e) {
      if (mine === generation.current) setError({ message: messageOf(e), retry: () => void load() });
    } finally {
      if (mine === generation.current) setLoading(null);
    }
  }

  async function showMore() {
    if (nextCursor === null) return;
    const mine = generation.current;
    setLoading('more');
    setError(null);
    try {
      const page = await fetchPage(nextCursor);
      if (mine !== generation.current) return;
      setEvents((shown) => [...(shown ?? []), ...page.results]);
      setNextCursor(linkParam(page.next, 'cursor'));
    } catch (e) {
      if (mine === generation.current) setError({ message: messageOf(e), retry: () => void showMore() });
    } finally {
      if (mine === generation.current) setLoading(null);
    }
  }

  return (
    <details
      className="section history"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && loadedFor !== version && loading !== 'first') void load();
      }}
    >
      <summary>
        <h2 className="history__title">History</h2>
      </summary>
      {loading === 'first' ? <Loading label="Loading the history…" /> : null}
      {events && loading !== 'first' ? (
        <ol className="timeline" aria-busy={loading === 'more'}>
          {events.map((e) => (
            <li key={e.id} className={e.is_internal ? 'timeline__item timeline__item--internal' : 'timeline__item'}>
              <DateTime value={e.at} /> — {describeEvent(e)}
              {e.actor_name ? <span className="muted"> by {e.actor_name}</span> : null}
              {e.is_internal ? <span className="badge badge--internal">Internal</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {error ? <ErrorState message={error.message} onRetry={error.retry} title="Could not load the history" /> : null}
      {events && nextCursor !== null && loading !== 'first' && !error ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => void showMore()} disabled={loading === 'more'}>
            {loading === 'more' ? 'Loading more…' : 'Show more'}
          </button>
        </div>
      ) : null}
    </details>
  );
}

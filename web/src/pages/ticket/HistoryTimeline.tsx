import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { HistoryEvent } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';

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
};

function describe(e: HistoryEvent): string {
  const what = KINDS[e.kind] ?? e.kind.replace(/_/g, ' ');
  if (e.old_value && e.new_value) return `${what}: ${e.old_value} → ${e.new_value}`;
  if (e.new_value) return `${what}: ${e.new_value}`;
  return what;
}

/** The ticket's history, loaded when the reader opens it. */
export function HistoryTimeline({ ticketId, version }: { ticketId: number; version: number }) {
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [loadedFor, setLoadedFor] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      setEvents(await api.get<HistoryEvent[]>(`/api/tickets/${ticketId}/history/`));
      setLoadedFor(version);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <details
      className="section history"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && loadedFor !== version && !loading) void load();
      }}
    >
      <summary>
        <h2 className="history__title">History</h2>
      </summary>
      {loading ? <Loading label="Loading the history…" /> : null}
      {error ? <ErrorState message={error} onRetry={load} title="Could not load the history" /> : null}
      {events && !loading ? (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id} className={e.is_internal ? 'timeline__item timeline__item--internal' : 'timeline__item'}>
              <DateTime value={e.at} /> — {describe(e)}
              {e.actor_name ? <span className="muted"> by {e.actor_name}</span> : null}
              {e.is_internal ? <span className="badge badge--internal">Internal</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}

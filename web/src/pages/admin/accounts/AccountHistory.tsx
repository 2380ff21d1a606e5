import { useState } from 'react';
import { messageOf } from '../../../api/errors';
import type { AccountHistoryEntry } from '../../../api/types';
import { linkParam } from '../../../api/url';
import { DateTime } from '../../../components/DateTime';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { accountHistory } from './accountAdminApi';

const FIELDS: Record<AccountHistoryEntry['field'], string> = {
  role: 'Role',
  is_active: 'Access',
  first_name: 'First name',
  middle_name: 'Middle name',
  last_name: 'Last name',
  suffix: 'Suffix',
  department: 'Department',
};

function shown(field: AccountHistoryEntry['field'], value: string | null): string {
  if (field === 'is_active') return value === 'true' ? 'active' : value === 'false' ? 'deactivated' : (value ?? '');
  return value === null || value === '' ? '(none)' : value;
}

/** What a history row says: "Role: Employee → Ticket Coordinator". */
export function describeAccountChange(e: AccountHistoryEntry): string {
  return `${FIELDS[e.field] ?? e.field}: ${shown(e.field, e.old_value)} → ${shown(e.field, e.new_value)}`;
}

/**
 * The account's changes (one row per field, oldest first), loaded when the
 * reader first opens it; "Show more" follows the cursor. Give it a new `key`
 * after a change so that it starts over.
 */
export function AccountHistory({ accountId, nameOf }: { accountId: number; nameOf: (id: number | null) => string }) {
  const [rows, setRows] = useState<AccountHistoryEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(cursor: string) {
    setLoading(true);
    setError(null);
    try {
      const page = await accountHistory(accountId, cursor);
      setRows((before) => (cursor ? [...(before ?? []), ...page.results] : page.results));
      setNext(linkParam(page.next, 'cursor'));
      setLoaded(true);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <details
      className="account-dialog__section"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !loaded && !loading) void load('');
      }}
    >
      <summary>History of this account</summary>
      {loading && !rows ? <Loading label="Loading the history…" /> : null}
      {error ? <ErrorState title="Could not load the history" message={error} onRetry={() => void load('')} /> : null}
      {rows && rows.length === 0 ? <p className="muted">Nothing was changed since the account was made.</p> : null}
      {rows && rows.length > 0 ? (
        <ol className="account-history" aria-busy={loading}>
          {rows.map((r) => (
            <li key={r.id}>
              <DateTime value={r.at} /> — {describeAccountChange(r)}
              <span className="muted"> by {nameOf(r.actor)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {rows && next !== null ? (
        <button type="button" className="button button--secondary button--small" disabled={loading} onClick={() => void load(next)}>
          {loading ? 'Loading more…' : 'Show more'}
        </button>
      ) : null}
    </details>
  );
}

import type { ApiKey } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';

/** The keys (never the secrets): prefix, who made it, when used, revoked or not. */
export function KeyTable({
  keys,
  caption = 'API keys',
  busy,
  creatorName,
  onRevoke,
}: {
  keys: readonly ApiKey[];
  caption?: string;
  busy?: boolean;
  creatorName: (id: number | null) => string;
  onRevoke: (k: ApiKey) => void;
}) {
  const columns: Column<ApiKey>[] = [
    { header: 'Name', cell: (k) => k.name },
    { header: 'Starts with', cell: (k) => <code>{k.prefix}…</code> },
    { header: 'Created', cell: (k) => <DateTime value={k.created_at} /> },
    { header: 'Created by', cell: (k) => creatorName(k.created_by) },
    { header: 'Last used', cell: (k) => <DateTime value={k.last_used_at} empty="Never" /> },
    {
      header: 'State',
      cell: (k) =>
        k.revoked_at ? (
          <span>
            Revoked <DateTime value={k.revoked_at} />
          </span>
        ) : (
          <button type="button" className="button button--small button--danger" aria-label={`Revoke ${k.name}`} onClick={() => onRevoke(k)}>
            Revoke
          </button>
        ),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={keys} busy={busy} />;
}

import type { ApiKey } from '../../../api/types';
import { DateTime } from '../../../components/DateTime';

/** The keys (never the secrets): prefix, who made it, when used, revoked or not. */
export function KeyTable({ keys, creatorName, onRevoke }: { keys: readonly ApiKey[]; creatorName: (id: number | null) => string; onRevoke: (k: ApiKey) => void }) {
  return (
    <div className="table-wrap card-table">
      <table>
        <caption className="visually-hidden">API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Created by</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td data-label="Name">{k.name}</td>
              <td data-label="Starts with">
                <code>{k.prefix}…</code>
              </td>
              <td data-label="Created">
                <DateTime value={k.created_at} />
              </td>
              <td data-label="Created by">{creatorName(k.created_by)}</td>
              <td data-label="Last used">
                <DateTime value={k.last_used_at} empty="Never" />
              </td>
              <td data-label="State">
                {k.revoked_at ? (
                  <span>
                    Revoked <DateTime value={k.revoked_at} />
                  </span>
                ) : (
                  <button type="button" className="button button--small button--danger" aria-label={`Revoke ${k.name}`} onClick={() => onRevoke(k)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

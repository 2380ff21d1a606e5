import { useState } from 'react';
import type { ApiKey, CreatedApiKey } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { listApiKeys, revokeApiKey } from './apikeys/apiKeysApi';
import { CreateKeyForm } from './apikeys/CreateKeyForm';
import { KeyTable } from './apikeys/KeyTable';
import { NewKeyNotice } from './apikeys/NewKeyNotice';
import { ListState } from './ListState';
import { useAdminNames } from './useAdminNames';
import { rangeText, usePageNumber } from './usePageNumber';
import '../../styles/staff.css';

/**
 * /admin/api-keys (System Admin): the workflow system's keys, a page at a time:
 * list, create (shown once), revoke. Creating or revoking reloads the page shown.
 */
export default function ApiKeysPage() {
  const paging = usePageNumber();
  const keys = useLoad((signal) => listApiKeys(paging.page, signal), [paging.page]);
  const creatorName = useAdminNames();
  const [made, setMade] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useSubmit();

  return (
    <Page testId="page-api-keys" title="Workflow API keys">
      <p className="muted">The external workflow system reports ticket statuses with one of these keys.</p>
      {made ? <NewKeyNotice name={made.name ?? ''} secret={made.key} onDismiss={() => setMade(null)} /> : null}
      <section className="section" aria-labelledby="new-key-title">
        <h2 id="new-key-title">New key</h2>
        <CreateKeyForm
          onCreated={(k) => {
            setMade(k);
            keys.reload();
          }}
        />
      </section>
      <section className="section" aria-labelledby="keys-title">
        <h2 id="keys-title">Keys</h2>
        <ListState list={keys} paging={paging} loadingLabel="Loading the keys…" errorTitle="Could not load the keys" empty="No key yet." pagesLabel="Key pages">
          {(data) => (
            <KeyTable
              keys={data.results}
              caption={`API keys ${rangeText(paging.page, data)}`}
              busy={keys.loading}
              creatorName={creatorName}
              onRevoke={(k) => setRevoking(k)}
            />
          )}
        </ListState>
      </section>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        danger
        busy={revoke.busy}
        error={revoke.error}
        onCancel={() => {
          revoke.setError(null);
          setRevoking(null);
        }}
        onConfirm={async () => {
          if (!revoking) return;
          const done = await revoke.run(async () => {
            await revokeApiKey(revoking.id);
            return true;
          });
          if (done) {
            setRevoking(null);
            keys.reload();
          }
        }}
      >
        <p>From now on the workflow system is refused when it sends this key. This cannot be undone.</p>
      </ConfirmDialog>
    </Page>
  );
}

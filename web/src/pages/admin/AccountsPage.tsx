import { useId, useState } from 'react';
import { useCatalog } from '../../catalog/useCatalog';
import { Page } from '../../components/Page';
import { AllAccounts } from './accounts/AllAccounts';
import { CreateAccountForm } from './accounts/CreateAccountForm';
import { PendingAccounts } from './accounts/PendingAccounts';
import '../../styles/staff.css';

/** /admin/accounts (System Admin): pending sign-ups, creating accounts, all accounts. */
export default function AccountsPage() {
  const { catalog } = useCatalog();
  const [refresh, setRefresh] = useState(0);
  const [creating, setCreating] = useState(false);
  const createId = useId();
  const bump = () => setRefresh((n) => n + 1);
  return (
    <Page
      testId="page-admin-accounts"
      title="Accounts"
      actions={
        <button type="button" className="button" aria-expanded={creating} aria-controls={createId} onClick={() => setCreating((o) => !o)}>
          {creating ? 'Close the form' : 'Create account'}
        </button>
      }
    >
      <div id={createId} hidden={!creating} className="section">
        {creating ? (
          <>
            <h2>Create an account</h2>
            <CreateAccountForm catalog={catalog} onCreated={bump} />
          </>
        ) : null}
      </div>
      <PendingAccounts refresh={refresh} onChanged={bump} />
      <AllAccounts catalog={catalog} refresh={refresh} />
    </Page>
  );
}

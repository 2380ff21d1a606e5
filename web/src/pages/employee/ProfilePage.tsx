import { useAuth } from '../../auth/useAuth';
import { useCatalog } from '../../catalog/useCatalog';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { api } from '../../api/client';
import type { Account } from '../../api/types';
import { useLoad } from '../../hooks/useLoad';
import { ChangePasswordForm } from './profile/ChangePasswordForm';
import { EditNamesForm } from './profile/EditNamesForm';
import { PictureForm } from './profile/PictureForm';
import { ProfileDetails } from './profile/ProfileDetails';

export default function ProfilePage() {
  const { setProfile } = useAuth();
  const { catalog, error: catalogError, retry } = useCatalog();
  const { data: account, loading, error, reload, setData } = useLoad((signal) => api.get<Account>('/api/employee/profile/', { signal }), []);

  function saved(a: Account) {
    setData(a);
    setProfile(a); // the header shows the new name and picture
  }

  return (
    <Page testId="page-profile" title="Profile">
      {loading && !account ? <Loading label="Loading your profile…" /> : null}
      {error ? <ErrorState message={error} onRetry={reload} title="Could not load your profile" /> : null}
      {catalogError ? <ErrorState message={catalogError} onRetry={retry} title="Could not load the form's choices" /> : null}
      {account ? (
        <div className="profile-grid">
          <ProfileDetails account={account} />
          {catalog ? <PictureForm limits={catalog.image} onSaved={saved} /> : null}
          <EditNamesForm key={account.id} account={account} suffixes={catalog?.suffixes ?? []} onSaved={saved} />
          <ChangePasswordForm rule={catalog?.password.rule ?? null} minLength={catalog?.password.min_length} />
        </div>
      ) : null}
    </Page>
  );
}

import type { Account } from '../../../api/types';
import { DateTime } from '../../../components/DateTime';

export function fullName(a: Pick<Account, 'first_name' | 'middle_name' | 'last_name' | 'suffix'>): string {
  return [a.first_name, a.middle_name, a.last_name, a.suffix].filter(Boolean).join(' ');
}

/** The account's facts, read-only. */
export function ProfileDetails({ account }: { account: Account }) {
  return (
    <div className="card profile-details">
      {account.image_url ? (
        <img className="profile-picture" src={account.image_url} alt="Your profile picture" width={96} height={96} />
      ) : (
        <div className="profile-picture profile-picture--empty" aria-hidden="true">
          {account.first_name.charAt(0)}
          {account.last_name.charAt(0)}
        </div>
      )}
      <dl className="definition-list">
        <dt>Name</dt>
        <dd>{fullName(account)}</dd>
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Company ID</dt>
        <dd>{account.company_id}</dd>
        <dt>Department</dt>
        <dd>{account.department}</dd>
        <dt>Role</dt>
        <dd>{account.role}</dd>
        <dt>Member since</dt>
        <dd>
          <DateTime value={account.date_created} />
        </dd>
      </dl>
    </div>
  );
}

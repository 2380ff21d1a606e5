// Placeholder until the staff/admin pages land (their author replaces this file).
import { Placeholder } from '../Placeholder';

export default function AccountsPage() {
  return <Placeholder testId="page-admin-accounts" title="Accounts" />;
}

import { Link } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { homePath } from '../auth/user';
import { Page } from '../components/Page';

export function ForbiddenPage() {
  const { user } = useAuth();
  return (
    <Page testId="page-forbidden" title="Not allowed">
      <p className="lead">You do not have access to this page.</p>
      <p>
        <Link to={user ? homePath(user.role) : '/login'}>Go to your start page</Link>
      </p>
    </Page>
  );
}

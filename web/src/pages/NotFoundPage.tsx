import { Link } from 'react-router';
import { Page } from '../components/Page';

export function NotFoundPage() {
  return (
    <Page testId="page-not-found" title="Page not found">
      <p className="lead">There is no page at this address.</p>
      <p>
        <Link to="/">Go to your start page</Link>
      </p>
    </Page>
  );
}

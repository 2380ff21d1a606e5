import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader';
import { SkipLink } from './SkipLink';

/** The frame of the pages used signed out: sign-in, sign-up, password pages. */
export function PublicLayout() {
  return (
    <div className="app app--public">
      <SkipLink />
      <AppHeader home="/login" />
      <main id="main" tabIndex={-1} className="app-main app-main--public">
        <Outlet />
      </main>
    </div>
  );
}

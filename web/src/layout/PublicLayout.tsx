import { Link, Outlet } from 'react-router';
import { SkipLink } from './SkipLink';

/** The frame of the pages used signed out: sign-in, sign-up, password pages. */
export function PublicLayout() {
  return (
    <div className="app app--public">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/login" className="brand">
            SmartSupport
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main app-main--public">
        <Outlet />
      </main>
    </div>
  );
}

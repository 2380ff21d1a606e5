import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { AppHeader } from './AppHeader';
import { navFor } from './nav';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header with the role's links, the page in <main>. */
export function AppLayout() {
  const { user } = useAuth();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [menuOpen, setMenuOpen] = useState(false);

  // After a client-side navigation, move focus to the new page (not on first load).
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  if (!user) return null;
  return (
    <div className="app">
      <SkipLink />
      <AppHeader
        home="/"
        bar={
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="primary-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            Menu
          </button>
        }
      >
        <nav id="primary-nav" className={`app-nav${menuOpen ? ' app-nav--open' : ''}`} aria-label="Main">
          <ul>
            {navFor(user.role).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end ?? false}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <UserMenu />
        </nav>
      </AppHeader>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

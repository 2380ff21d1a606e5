import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The header of both layouts: the brand (a link home) with `bar` beside it, then `children`. */
export function AppHeader({ home, bar, children }: { home: string; bar?: ReactNode; children?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <Link to={home} className="brand">
          SmartSupport
        </Link>
        {bar}
      </div>
      {children}
    </header>
  );
}

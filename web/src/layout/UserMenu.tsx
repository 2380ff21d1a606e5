import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { isStaff } from '../auth/user';
import { AvailabilitySwitch } from './AvailabilitySwitch';

/** The signed-in person's name, role and the Sign out button. */
export function UserMenu() {
  const { user, profile, logout } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const name = profile ? `${profile.first_name} ${profile.last_name}` : `${user.firstName} ${user.lastName}`;
  return (
    <div className="user-menu">
      {profile?.image_url ? <img className="avatar" src={profile.image_url} alt="" width={28} height={28} /> : null}
      <span className="user-menu__who">
        <span className="user-menu__name">{name.trim() || user.email}</span>
        <span className="user-menu__role">{user.role}</span>
      </span>
      {isStaff(user.role) ? <AvailabilitySwitch /> : null}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await logout();
          navigate('/login', { replace: true });
        }}
      >
        Sign out
      </button>
    </div>
  );
}

// The page's one session, wired to the API client.
import { setTokenSource } from '../api/client';
import { Session } from './session';

export const session = new Session();
setTokenSource(session);

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') session.refreshIfDue();
  });
}

// System Admin pages. Owned by the admin pages' author: add a route here,
// its page under src/pages/admin/.
import { lazyPage } from './lazyPage';
import type { AppRoute } from './types';

export const adminRoutes: AppRoute[] = [
  { path: '/admin/accounts', element: lazyPage(() => import('../pages/admin/AccountsPage')) },
  { path: '/admin/rejections', element: lazyPage(() => import('../pages/admin/RejectionsPage')) },
  { path: '/admin/api-keys', element: lazyPage(() => import('../pages/admin/ApiKeysPage')) },
  { path: '/admin/dead-events', element: lazyPage(() => import('../pages/admin/DeadEventsPage')) },
  { path: '/admin/sla', element: lazyPage(() => import('../pages/admin/SlaSettingsPage')) },
];

// Staff pages (Ticket Coordinators and System Admins). Owned by the staff
// pages' author: add a route here, its page under src/pages/staff/.
// Keep them lazy; the dashboard (Chart.js) must stay out of the sign-in JS.
import { lazyPage } from './lazyPage';
import type { AppRoute } from './types';

export const staffRoutes: AppRoute[] = [
  { path: '/queue', element: lazyPage(() => import('../pages/staff/QueuePage')) },
  { path: '/dashboard', element: lazyPage(() => import('../pages/staff/DashboardPage')) },
  { path: '/canned-replies', element: lazyPage(() => import('../pages/staff/CannedRepliesPage')) },
];

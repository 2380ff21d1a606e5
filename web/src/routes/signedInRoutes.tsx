// Pages for any signed-in person (employees and staff).
import { lazyPage } from './lazyPage';
import type { AppRoute } from './types';

export const signedInRoutes: AppRoute[] = [
  { path: '/tickets', element: lazyPage(() => import('../pages/employee/MyTicketsPage')) },
  { path: '/tickets/new', element: lazyPage(() => import('../pages/employee/NewTicketPage')) },
  { path: '/tickets/:number', element: lazyPage(() => import('../pages/ticket/TicketPage')) },
  { path: '/profile', element: lazyPage(() => import('../pages/employee/ProfilePage')) },
];

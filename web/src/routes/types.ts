import type { RouteObject } from 'react-router';

/** One entry of a route registry: a path and the page element. */
export type AppRoute = RouteObject & { path: string };

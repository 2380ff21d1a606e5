import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../components/Loading';

/**
 * A page in its own chunk, loaded when its route is first shown. Use it for
 * every page the sign-in page does not need, so the sign-in JS stays small
 * (scripts/bundle-budget.mjs checks it). The module's default export is the page.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const Component = lazy(load);
  return (
    <Suspense fallback={<Loading label="Loading page…" />}>
      <Component />
    </Suspense>
  );
}

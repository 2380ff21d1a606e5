import { Link } from 'react-router';
import { QUEUE_VIEWS, withFilter, type QueueView } from './queueQuery';

/** The queue's views as links (?view=…); the current one is marked for screen readers. */
export function QueueTabs({ current, params }: { current: QueueView; params: URLSearchParams }) {
  return (
    <nav className="queue-tabs" aria-label="Queues">
      <ul>
        {QUEUE_VIEWS.map((v) => (
          <li key={v.view}>
            <Link
              to={`?${withFilter(params, 'view', v.view).toString()}`}
              className={`queue-tabs__tab${v.view === current ? ' queue-tabs__tab--current' : ''}`}
              aria-current={v.view === current ? 'page' : undefined}
            >
              {v.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

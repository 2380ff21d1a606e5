// Placeholder until the staff/admin pages land (their author replaces this file).
import { Placeholder } from '../Placeholder';

export default function DeadEventsPage() {
  return <Placeholder testId="page-dead-events" title="Dead notifications" />;
}

// Placeholder until the staff/admin pages land (their author replaces this file).
import { Placeholder } from '../Placeholder';

export default function QueuePage() {
  return <Placeholder testId="page-queue" title="Queue" />;
}

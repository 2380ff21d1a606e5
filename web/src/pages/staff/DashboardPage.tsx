// Placeholder until the staff/admin pages land (their author replaces this file).
import { Placeholder } from '../Placeholder';

export default function DashboardPage() {
  return <Placeholder testId="page-dashboard" title="Dashboard" />;
}

// Placeholder until the staff/admin pages land (their author replaces this file).
import { Placeholder } from '../Placeholder';

export default function RejectionsPage() {
  return <Placeholder testId="page-rejections" title="Rejections" />;
}

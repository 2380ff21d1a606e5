// Placeholder until the staff/admin pages land (their author replaces this file).
import { Placeholder } from '../Placeholder';

export default function ApiKeysPage() {
  return <Placeholder testId="page-api-keys" title="API keys" />;
}

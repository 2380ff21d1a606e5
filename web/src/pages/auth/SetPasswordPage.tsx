import { Placeholder } from '../Placeholder';

export default function SetPasswordPage() {
  return <Placeholder testId="page-reset-password" title="Set your password" />;
}

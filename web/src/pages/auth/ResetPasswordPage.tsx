import { Placeholder } from '../Placeholder';

export default function ResetPasswordPage() {
  return <Placeholder testId="page-reset-password" title="Choose a new password" />;
}

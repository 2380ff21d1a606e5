import { Placeholder } from '../Placeholder';

export default function ForgotPasswordPage() {
  return <Placeholder testId="page-forgot-password" title="Forgot password" />;
}

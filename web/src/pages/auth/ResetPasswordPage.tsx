import { PasswordTokenForm } from './PasswordTokenForm';

export default function ResetPasswordPage() {
  return <PasswordTokenForm title="Choose a new password" intro="Choose a new password for your account." />;
}

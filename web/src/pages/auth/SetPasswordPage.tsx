import { PasswordTokenForm } from './PasswordTokenForm';

export default function SetPasswordPage() {
  return (
    <PasswordTokenForm
      title="Set your password"
      intro="An administrator created an account for you. Choose the password you will sign in with."
    />
  );
}

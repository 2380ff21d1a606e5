import { Placeholder } from '../Placeholder';

export default function SignUpPage() {
  return <Placeholder testId="page-signup" title="Create an account" />;
}

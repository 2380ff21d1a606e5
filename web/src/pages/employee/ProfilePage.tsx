import { Placeholder } from '../Placeholder';

export default function ProfilePage() {
  return <Placeholder testId="page-profile" title="Profile" />;
}

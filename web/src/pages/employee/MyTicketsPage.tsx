import { Placeholder } from '../Placeholder';

export default function MyTicketsPage() {
  return <Placeholder testId="page-my-tickets" title="My tickets" />;
}

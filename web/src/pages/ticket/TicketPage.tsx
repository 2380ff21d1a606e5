import { Placeholder } from '../Placeholder';

export default function TicketPage() {
  return <Placeholder testId="page-ticket" title="Ticket" />;
}

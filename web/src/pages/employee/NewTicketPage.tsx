import { Placeholder } from '../Placeholder';

export default function NewTicketPage() {
  return <Placeholder testId="page-new-ticket" title="New ticket" />;
}

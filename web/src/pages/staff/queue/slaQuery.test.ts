import { buildUrl } from '../../../api/url';
import { ORDERINGS, queueStateFrom, ticketQuery } from './queueQuery';

const url = (search: string) => decodeURIComponent(buildUrl('/api/tickets/', ticketQuery(queueStateFrom(new URLSearchParams(search)), 7, '')));

describe('queue query: SLA', () => {
  it('sends ?sla= for a known state and drops an unknown one', () => {
    expect(url('view=all&sla=breached')).toBe('/api/tickets/?sla=breached&ordering=-submit_date&page_size=25&cursor=');
    expect(url('view=all&sla=late')).not.toContain('sla=');
  });

  it('orders by a due date', () => {
    expect(ORDERINGS.map((o) => o.value)).toEqual(expect.arrayContaining(['resolution_due', 'first_response_due']));
    expect(url('view=open&ordering=resolution_due')).toContain('ordering=resolution_due&');
    expect(url('view=open&ordering=first_response_due')).toContain('ordering=first_response_due&');
  });
});

import { buildUrl } from '../../../api/url';
import { queueStateFrom, ticketQuery, withFilter } from './queueQuery';

const state = (search: string) => queueStateFrom(new URLSearchParams(search));
const url = (search: string, cursor = '', userId = 7) =>
  decodeURIComponent(buildUrl('/api/tickets/', ticketQuery(state(search), userId, cursor)).replace(/\+/g, ' '));

describe('queue query', () => {
  it('defaults to the New view, newest first, first page by cursor', () => {
    expect(url('')).toBe('/api/tickets/?status=New&ordering=-submit_date&page_size=25&cursor=');
  });

  it('asks for Open tickets on the Open tab', () => {
    expect(url('view=open')).toContain('status=Open&');
  });

  it('asks for my active tickets on the Assigned to me tab', () => {
    const u = url('view=mine', '', 42);
    expect(u).toContain('status=Open&status=In Progress&status=On Hold&status=Pending');
    expect(u).toContain('assigned_to=42');
  });

  it('lets a status filter narrow the mine and all tabs, never New/Open', () => {
    expect(url('view=mine&status=On Hold')).toMatch(/\?status=On Hold&assigned_to=7&/);
    expect(url('view=all&status=Closed')).toMatch(/\?status=Closed&/);
    expect(url('view=all')).not.toContain('status=');
    expect(url('view=new&status=Closed')).toContain('status=New&');
    expect(url('view=mine&status=Closed')).toContain('status=Open&status=In Progress');
  });

  it('sends the filters, the trimmed search and the ordering', () => {
    const u = url('view=all&priority=High&department=IT Department&category=IT&search=  printer jam &ordering=priority');
    expect(u).toBe(
      '/api/tickets/?priority=High&department=IT Department&category=IT&search=printer jam&ordering=priority&page_size=25&cursor=',
    );
  });

  it('passes the cursor of the page asked for, and never a page number', () => {
    const u = url('view=all', 'sd.123.45');
    expect(u).toContain('cursor=sd.123.45');
    expect(u).not.toMatch(/[?&]page=/);
  });

  it('ignores unknown views and orderings', () => {
    const s = state('view=bogus&ordering=drop table');
    expect(s.view).toBe('new');
    expect(s.ordering).toBe('-submit_date');
  });

  it('drops the status when switching view and removes empty filters', () => {
    const p = withFilter(new URLSearchParams('view=all&status=Closed&priority=Low'), 'view', 'mine');
    expect(p.toString()).toBe('view=mine&priority=Low');
    expect(withFilter(p, 'priority', '').toString()).toBe('view=mine');
  });
});

// A fake API for tests: routes "METHOD /path/" to handlers; anything else is
// a test failure (answered 599 so it shows). Installs itself as global fetch.
import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function mockApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => {
      headers[k] = v;
    });
    let body: unknown = undefined;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const call: Call = { method, path: url.pathname, query: url.searchParams, headers, body };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return json(599, { error: 'test', detail: `no mock for ${method} ${url.pathname}` });
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, of: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key) };
}

export const tokenPair = (overrides: Record<string, unknown> = {}) => ({
  access: 'access-1',
  token_type: 'Bearer',
  expires_in: 300,
  id: 7,
  email: 'emma@example.com',
  role: 'Employee',
  first_name: 'Emma',
  last_name: 'Employee',
  company_id: 'MA0007',
  department: 'IT Department',
  ...overrides,
});

export const catalog = {
  departments: ['IT Department', 'Asset Department'],
  categories: [
    { name: 'IT Category', sub_categories: ['Technical Support', 'Network & Security Administration'] },
    { name: 'Asset Category', sub_categories: ['Asset Check-out'] },
  ],
  priorities: ['Critical', 'High', 'Medium', 'Low'],
  statuses: ['New', 'Open', 'In Progress', 'Resolved', 'Closed', 'Rejected', 'Withdrawn'],
  roles: ['Employee', 'Ticket Coordinator', 'System Admin'],
  suffixes: ['Jr.', 'Sr.', 'III'],
  attachments: {
    max_file_bytes: 1024 * 1024,
    max_files: 3,
    types: [
      { content_type: 'application/pdf', extensions: ['.pdf'] },
      { content_type: 'image/png', extensions: ['.png'] },
    ],
  },
  image: { max_bytes: 2 * 1024 * 1024, types: ['image/png', 'image/jpeg'] },
  password: { min_length: 8, rule: 'At least 8 characters with upper and lower case letters, a digit and a symbol.' },
};

export const account = (overrides: Record<string, unknown> = {}) => ({
  id: 7,
  email: 'emma@example.com',
  first_name: 'Emma',
  middle_name: null,
  last_name: 'Employee',
  suffix: null,
  company_id: 'MA0007',
  department: 'IT Department',
  role: 'Employee',
  status: 'Approved',
  is_active: true,
  date_created: '2026-01-02T03:04:05Z',
  image_url: null,
  ...overrides,
});

export const ticket = (overrides: Record<string, unknown> = {}) => ({
  id: 41,
  ticket_number: 'TX0041',
  employee: { id: 7, first_name: 'Emma', last_name: 'Employee', email: 'emma@example.com', role: 'Employee' },
  subject: 'Printer jams',
  category: 'IT Category',
  sub_category: 'Technical Support',
  description: 'Every second page.',
  scheduled_date: null,
  priority: 'High',
  department: 'IT Department',
  status: 'Resolved',
  assigned_to: null,
  submit_date: '2026-01-02T03:04:05Z',
  update_date: '2026-01-03T03:04:05Z',
  response_time: null,
  resolution_time: null,
  time_closed: null,
  rejection_reason: null,
  finalized: false,
  version: 5,
  attachments: [],
  comments: [],
  actions: ['comment', 'close', 'reopen'],
  status_targets: [],
  ...overrides,
});

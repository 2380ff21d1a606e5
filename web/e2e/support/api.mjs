// JSON API helpers over fetch, for SETUP only (the journeys go through the
// browser). Every call is bounded by a timeout.
import { ADMIN, USER_PASSWORD } from './env.mjs';
import { passwordLink } from './sink.mjs';

const CALL_MS = 10_000;

/** A tiny file the server's sniffer takes for a PDF. */
export const PDF_BYTES = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

export class ApiError extends Error {
  constructor(method, p, status, body) {
    super(`${method} ${p} -> ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

export class Api {
  constructor(base) {
    this.base = base;
  }

  async call(method, p, { token, json, form, headers = {}, expect } = {}) {
    const h = { ...headers };
    let body;
    if (token) h.Authorization = `Bearer ${token}`;
    if (json !== undefined) {
      h['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form !== undefined) {
      body = form;
    }
    const res = await fetch(new URL(p, this.base), {
      method,
      headers: h,
      body,
      signal: AbortSignal.timeout(CALL_MS),
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    const ok = expect ? [].concat(expect).includes(res.status) : res.ok;
    if (!ok) throw new ApiError(method, p, res.status, parsed);
    return parsed;
  }

  async login(email, password = USER_PASSWORD) {
    // The staff route works for staff; the employee route for employees.
    for (const route of ['/api/token/admin/', '/api/token/employee/']) {
      try {
        const r = await this.call('POST', route, { json: { email, password } });
        return r.access;
      } catch (e) {
        if (!(e instanceof ApiError) || e.status >= 500) throw e;
      }
    }
    throw new Error(`cannot log in as ${email}`);
  }

  adminToken() {
    return this.login(ADMIN.email, ADMIN.password);
  }

  /** Signs up an employee (Pending). */
  signUp({ email, first_name = 'Erin', last_name = 'Example', department = 'IT Department', password = USER_PASSWORD }) {
    return this.call('POST', '/api/create_employee/', {
      json: { email, first_name, last_name, department, password, confirm_password: password },
    });
  }

  /** Signs up and approves an employee; returns its account. */
  async employee(admin, fields) {
    const account = await this.signUp(fields);
    return this.call('POST', `/api/employees/${account.id}/approve/`, { token: admin });
  }

  /**
   * A staff account made by the admin, its password set through the mailed
   * set-password link's token (caught by the sink).
   */
  async staff(admin, sink, { email, role = 'Ticket Coordinator', first_name = 'Casey', last_name = 'Coordinator', department = 'IT Department', password = USER_PASSWORD }) {
    const account = await this.call('POST', '/api/admin/create-employee/', {
      token: admin,
      json: { email, first_name, last_name, department, role },
    });
    const mail = await sink.waitFor({ to: email, pattern: /set-password\?token=/ });
    const token = new URL(passwordLink(mail)).searchParams.get('token');
    await this.call('POST', '/api/employee/reset-password/', {
      json: { token, new_password: password, confirm_password: password },
    });
    return account;
  }

  /** A ticket with one small PDF attached. */
  createTicket(token, { subject, description = 'Created for the end-to-end tests.', category = 'IT Category', sub_category = 'Technical Support & Troubleshooting', fileName = 'report.pdf', fileText = PDF_BYTES } = {}) {
    const form = new FormData();
    form.append('subject', subject);
    form.append('category', category);
    form.append('sub_category', sub_category);
    form.append('description', description);
    if (fileName) form.append('attachments', new Blob([fileText], { type: 'application/pdf' }), fileName);
    return this.call('POST', '/api/tickets/', { token, form });
  }

  approve(token, id, { priority = 'High', department = 'IT Department' } = {}) {
    return this.call('POST', `/api/tickets/${id}/approve/`, { token, json: { priority, department } });
  }

  claim(token, id) {
    return this.call('POST', `/api/tickets/${id}/claim/`, { token });
  }

  comment(token, id, text, internal = false) {
    return this.call('POST', `/api/tickets/${id}/comments/`, { token, json: { text, is_internal: internal } });
  }

  ticket(token, id) {
    return this.call('GET', `/api/tickets/${id}/`, { token });
  }

  /** Every comment the token may read, walking the list's cursor pages. */
  async comments(token, id) {
    const rows = [];
    let cursor = '';
    for (let pages = 0; cursor !== null; pages += 1) {
      if (pages === 100) throw new Error(`the comments of ticket ${id} did not end after 100 pages`);
      const page = await this.call('GET', `/api/tickets/${id}/comments/?page_size=100&cursor=${encodeURIComponent(cursor)}`, { token });
      rows.push(...page.results);
      cursor = page.next ? new URL(page.next, this.base).searchParams.get('cursor') : null;
    }
    return rows;
  }
}

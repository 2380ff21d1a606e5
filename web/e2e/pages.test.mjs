// Every main page, with real data behind it: axe-core finds no serious or
// critical violation, and a PNG screenshot of it is saved (1280x800; the
// login, my-tickets and SLA settings pages also at 360 px wide, where nothing may scroll
// sideways). Screenshots go to HELPDESK_SCREENSHOT_DIR (default: a temp dir).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startDesk } from './support/harness.mjs';
import { loginThroughUi, seriousViolations, describeViolations } from './support/browser.mjs';
import { step, visible } from './support/ui.mjs';
import { ADMIN, USER_PASSWORD, SCREENSHOT_DIR } from './support/env.mjs';

describe('main pages', { timeout: 170_000 }, () => {
  let desk;
  let anonymous;
  let employee;
  let coordinator;
  let admin;
  let ticketNumber;

  before(async () => {
    desk = await startDesk();
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    // Setup over the API: an employee with a few tickets, one of them
    // approved, claimed and answered (a public reply and an internal note).
    const api = desk.api;
    const adminToken = await api.adminToken();
    const employeeEmail = desk.email('erin.walsh');
    const coordinatorEmail = desk.email('casey.morgan');
    await api.employee(adminToken, { email: employeeEmail, first_name: 'Erin', last_name: 'Walsh' });
    await api.staff(adminToken, desk.sink, { email: coordinatorEmail, first_name: 'Casey', last_name: 'Morgan' });
    const waiting = [
      ['Pat', 'Lee', 'Asset Department'],
      ['Robin', 'Diaz', 'Budget Department'],
      ['Sam', 'Ortiz', 'IT Department'],
    ];
    for (const [first, last, department] of waiting) {
      await api.signUp({ email: desk.email(`${first}.${last}`.toLowerCase()), first_name: first, last_name: last, department });
    }
    const owner = await api.login(employeeEmail);
    const staff = await api.login(coordinatorEmail);
    const subjects = ['VPN drops every hour', 'New laptop for the intern', 'Budget proposal for Q3 training'];
    const categories = [
      ['IT Category', 'Network & Security Administration'],
      ['Asset Category', 'Asset Check-out'],
      ['Budget Category', 'Project Proposal'],
    ];
    const tickets = [];
    const details = [
      ['The VPN disconnects at ten past every hour since Monday; I have to sign in again each time.', 'vpn-log.pdf'],
      ['Our intern starts on the 1st and needs a laptop with the standard image.', 'intern-request.pdf'],
      ['Proposal for the Q3 security training budget, details attached.', 'q3-training.pdf'],
    ];
    for (let i = 0; i < subjects.length; i++) {
      tickets.push(
        await api.createTicket(owner, {
          subject: subjects[i],
          category: categories[i][0],
          sub_category: categories[i][1],
          description: details[i][0],
          fileName: details[i][1],
        }),
      );
    }
    const t = tickets[0];
    await api.approve(staff, t.id, { priority: 'High', department: 'IT Department' });
    await api.claim(staff, t.id);
    await api.comment(owner, t.id, 'It happens at ten past every hour.');
    await api.comment(staff, t.id, 'Checking the firewall logs first.', true);
    await api.comment(staff, t.id, 'We found a timeout on the VPN gateway and raised it; please tell us if it still drops.');
    await api.approve(staff, tickets[1].id, { priority: 'Medium', department: 'Asset Department' });
    const replies = [
      [staff, { title: 'VPN: gateway timeout raised', body: 'Hi {{employee.first_name}}, we raised the VPN gateway timeout for {{ticket.number}}. Please tell us if it still drops.' }],
      [staff, { title: 'Waiting for your answer', body: 'Hi {{employee.first_name}}, we need a little more from you before we can go on with {{ticket.number}}.' }],
      [adminToken, { title: 'Closing: solved', body: 'We are closing {{ticket.number}} as solved. Reopen it within a week if the problem comes back.', shared: true }],
    ];
    for (const [token, reply] of replies) await api.call('POST', '/api/canned-replies/', { token, json: reply });
    ticketNumber = t.ticket_number;

    anonymous = await desk.person();
    employee = await desk.person();
    coordinator = await desk.person();
    admin = await desk.person();
    // Each page's own test checks it; here only the login has to work.
    await loginThroughUi(employee.page, employeeEmail, USER_PASSWORD, null);
    await loginThroughUi(coordinator.page, coordinatorEmail, USER_PASSWORD, null);
    await loginThroughUi(admin.page, ADMIN.email, ADMIN.password, null);
  }, { timeout: 90_000 });
  after(async () => {
    await desk?.close();
  }, { timeout: 30_000 });

  const who = () => ({ anonymous, employee, coordinator, admin });

  /** The answered ticket as the coordinator sees it (then a dialog or a panel is opened on it). */
  const staffTicket = { as: 'coordinator', route: () => `/tickets/${ticketNumber}`, testid: 'page-ticket', ready: /Checking the firewall logs/ };
  // name, who, route, container, what must be on it before it counts as loaded
  const pages = [
    { name: 'login', as: 'anonymous', route: '/login', testid: 'page-login' },
    { name: 'signup', as: 'anonymous', route: '/signup', testid: 'page-signup' },
    { name: 'my-tickets', as: 'employee', route: '/tickets', testid: 'page-my-tickets', ready: /VPN drops every hour/ },
    { name: 'new-ticket', as: 'employee', route: '/tickets/new', testid: 'page-new-ticket' },
    { name: 'ticket-owner', as: 'employee', route: () => `/tickets/${ticketNumber}`, testid: 'page-ticket', ready: /raised it; please tell us/ },
    { name: 'ticket-staff', as: 'coordinator', route: () => `/tickets/${ticketNumber}`, testid: 'page-ticket', ready: /Checking the firewall logs/ },
    { name: 'ticket-admin', as: 'admin', route: () => `/tickets/${ticketNumber}`, testid: 'page-ticket', ready: /Re-measure under the current policy/ },
    { name: 'queue', as: 'coordinator', route: '/queue?view=all', testid: 'page-queue', ready: /VPN drops every hour/ },
    { name: 'dashboard', as: 'admin', route: '/dashboard', testid: 'page-dashboard', ready: 'canvas' },
    { name: 'admin-accounts', as: 'admin', route: '/admin/accounts', testid: 'page-admin-accounts', ready: /Robin/ },
    { name: 'canned-replies', as: 'coordinator', route: '/canned-replies', testid: 'page-canned-replies', ready: /Closing: solved/ },
    {
      name: 'ticket-edit-dialog',
      ...staffTicket,
      then: async (page) => {
        await page.getByRole('region', { name: 'Staff actions' }).getByRole('button', { name: 'Edit', exact: true }).click();
        // The catalogue's choices are in (an option of a closed select never counts as visible).
        await page.getByRole('dialog').getByRole('option', { name: 'Budget Department' }).waitFor({ state: 'attached' });
      },
    },
    {
      name: 'canned-reply-picker',
      ...staffTicket,
      then: async (page) => {
        await page.getByRole('button', { name: 'Insert a canned reply' }).click();
        const list = await visible(page.getByRole('list', { name: 'Canned replies' }));
        await list.getByRole('listitem').last().scrollIntoViewIfNeeded();
      },
    },
    {
      name: 'admin-account-dialog',
      as: 'admin',
      route: '/admin/accounts',
      testid: 'page-admin-accounts',
      ready: /Erin/,
      then: async (page) => {
        await page.getByRole('button', { name: 'Manage Erin Walsh' }).click();
        const dialog = await visible(page.getByRole('dialog', { name: 'Manage Erin Walsh' }));
        await dialog.getByRole('button', { name: 'Deactivate…' }).click();
        await dialog.getByText('History of this account').click();
        await visible(dialog.getByText('Nothing was changed since the account was made.'));
      },
    },
    { name: 'admin-sla', as: 'admin', route: '/admin/sla', testid: 'page-sla-settings', ready: /Last automatic assignee/ },
  ];

  async function show(p, viewport = { width: 1280, height: 800 }) {
    const { page } = who()[p.as];
    return step(page, `show ${p.name} as ${p.as}`, () => showOn(page, p, viewport));
  }

  async function showOn(page, p, viewport) {
    await page.setViewportSize(viewport);
    await page.goto(typeof p.route === 'function' ? p.route() : p.route);
    const container = await visible(page.getByTestId(p.testid));
    if (p.ready === 'canvas') {
      await visible(container.locator('canvas'));
    } else if (p.ready) {
      await visible(container.getByText(p.ready));
    }
    if (p.then) await p.then(page);
    // Loading indicators gone, fonts in, charts' animations over.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(p.ready === 'canvas' ? 1200 : 200);
    return page;
  }

  describe('axe-core: no serious or critical violations', () => {
    for (const p of pages) {
      test(`${p.name} (${p.as})`, async () => {
        who()[p.as].page.problems.length = 0;
        const page = await show(p);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, `axe-core on ${p.name}:\n${describeViolations(violations)}`);
        // While loading it: no uncaught script error, nothing the CSP refused.
        const bad = page.problems.filter((x) => x.startsWith('pageerror') || /Content Security Policy/i.test(x));
        assert.deepEqual(bad, [], `${p.name}: script errors or CSP refusals`);
      });
    }
  });

  describe('screenshots', () => {
    for (const p of pages.filter((x) => x.name !== 'signup')) {
      test(`${p.name} at 1280x800`, async () => {
        const page = await show(p);
        const file = path.join(SCREENSHOT_DIR, `${p.name}.png`);
        await page.screenshot({ path: file, type: 'png' });
      });
    }
    for (const name of ['ticket-owner', 'ticket-staff', 'admin-sla', 'dashboard']) {
      test(`${name}, the whole page at 1280 px wide`, async () => {
        const page = await show(pages.find((x) => x.name === name));
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-full.png`), type: 'png', fullPage: true });
      });
    }
    for (const name of ['login', 'my-tickets', 'admin-sla']) {
      test(`${name} at 360 px wide`, async () => {
        const p = pages.find((x) => x.name === name);
        const page = await show(p, { width: 360, height: 740 });
        const file = path.join(SCREENSHOT_DIR, `${name}-360.png`);
        await page.screenshot({ path: file, type: 'png', fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} scrolls sideways at 360 px (by ${overflow} px)`);
        await page.setViewportSize({ width: 1280, height: 800 });
      });
    }
    after(() => {
      console.log(`screenshots in ${SCREENSHOT_DIR}`);
    });
  });
});

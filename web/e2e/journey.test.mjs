// The whole SmartSupport journey, every step through the browser:
// sign-up -> the pending login is refused with its message -> the admin
// approves the account in the admin accounts page -> the employee logs in
// and raises a ticket with a file -> a coordinator approves it (priority,
// department), claims it, writes an internal note and a public reply,
// resolves it -> the owner sees the reply but not the note, closes it, and
// reads the ticket's history.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite } from './support/harness.mjs';
import { open, loginFields, loginThroughUi } from './support/browser.mjs';
import { step, visible, seeText, until, selectByLabel, clickAndConfirm } from './support/ui.mjs';
import { ADMIN, USER_PASSWORD } from './support/env.mjs';
import { PDF_BYTES } from './support/api.mjs';

/** Picks `pattern` in the control labelled `label` (a <select>, or a combobox/listbox). */
async function choose(scope, label, pattern) {
  const control = scope.getByLabel(label).first();
  await control.waitFor({ state: 'visible' });
  if ((await control.evaluate((el) => el.tagName)) === 'SELECT') {
    await selectByLabel(control, pattern);
  } else {
    await control.click();
    await scope.page().getByRole('option', { name: pattern }).first().click();
  }
}

/** The ticket page shows `status` (its status badge: an element whose whole text is the status). */
async function statusIs(page, status) {
  const ticket = page.getByTestId('page-ticket');
  await visible(ticket.getByText(status, { exact: true }), 15_000);
}

describe('the whole journey', { timeout: 170_000 }, () => {
  // Setup over the API: a coordinator (made by the admin, password set
  // through the mailed set-password link).
  const world = deskForSuite({
    setup: async (desk) => {
      const admin = await desk.api.adminToken();
      const coordinatorEmail = desk.email('casey');
      await desk.api.staff(admin, desk.sink, { email: coordinatorEmail, first_name: 'Casey', last_name: 'Coordinator' });
      return { coordinatorEmail };
    },
  });

  test('sign-up, pending login refused, admin approval, ticket with a file, coordinator triage, resolve, owner closes and reads the history', async () => {
    const { desk, coordinatorEmail } = world;
    const email = desk.email('emma');
    const subject = `Printer on floor 3 jams (${process.pid})`;
    const note = `Internal: the toner supplier owes us a part ${Date.now()}`;
    const reply = `Public: a technician replaced the roller ${Date.now()}`;
    const employee = await desk.person();
    const page = employee.page;

    await step(page, 'sign up', async () => {
      await open(page, '/login', 'page-login');
      await page.getByRole('link', { name: /sign ?up|create (an )?account|register/i }).click();
      const form = await visible(page.getByTestId('page-signup'));
      await form.getByLabel(/first name/i).fill('Emma');
      await form.getByLabel(/last name/i).fill('Employee');
      await form.getByLabel(/e-?mail/i).fill(email);
      await choose(form, /department/i, /IT Department/);
      await form.getByLabel(/^password/i).fill(USER_PASSWORD);
      await form.getByLabel(/confirm/i).fill(USER_PASSWORD);
      await form.getByRole('button', { name: /sign ?up|create account|register/i }).click();
      // The pending state is explained once the account exists.
      await seeText(page.getByTestId('page-signup').getByRole('status'), /pending approval|waiting for approval/i);
    });

    await step(page, 'the pending login is refused with its message', async () => {
      await open(page, '/login', 'page-login');
      const f = loginFields(page);
      await f.email.fill(email);
      await f.password.fill(USER_PASSWORD);
      await f.submit.click();
      await seeText(page.getByTestId('page-login'), /pending approval|waiting for approval/i);
      assert.equal(await page.getByTestId('page-my-tickets').count(), 0);
    });

    const admin = await desk.person();
    await step(admin.page, 'the admin approves the account in the admin accounts page', async () => {
      await loginThroughUi(admin.page, ADMIN.email, ADMIN.password, 'page-queue');
      await admin.page.goto('/admin/accounts');
      const accounts = await visible(admin.page.getByTestId('page-admin-accounts'));
      const row = accounts.locator('tr, li, article, [role="row"]').filter({ hasText: email }).filter({
        has: admin.page.getByRole('button', { name: /^approve/i }),
      });
      await visible(row);
      await clickAndConfirm(admin.page, row.first(), /^approve/i);
      // The account leaves the pending list (no Approve button for it any more).
      await until('the approved account to have no Approve button', async () => (await row.count()) === 0);
    });
    const adminToken = await desk.api.adminToken();
    const [account] = (await desk.api.call('GET', `/api/employees/?status=Approved&page_size=100`, { token: adminToken })).results.filter((a) => a.email === email);
    assert.equal(account?.status, 'Approved', 'the server has the account approved');

    let ticketNumber;
    await step(page, 'the employee logs in and raises a ticket with a file', async () => {
      await loginThroughUi(page, email, USER_PASSWORD, 'page-my-tickets');
      await page.getByTestId('page-my-tickets').getByRole('link', { name: /new ticket|raise|create/i }).first().click();
      const form = await visible(page.getByTestId('page-new-ticket'));
      await form.getByLabel(/subject/i).fill(subject);
      await choose(form, /^category/i, /IT Category/);
      await choose(form, /sub-?category/i, /Technical Support/);
      await form.getByLabel(/description/i).fill('It jams on every second page since Monday.');
      await form.locator('input[type="file"]').first().setInputFiles({
        name: 'jam-report.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(PDF_BYTES),
      });
      await seeText(form, /jam-report\.pdf/);
      await form.getByRole('button', { name: /submit|create|send|raise/i }).click();
      await visible(page.getByTestId('page-ticket'), 20_000);
      const m = page.url().match(/\/tickets\/(TX\d+)/);
      assert.ok(m, `the new ticket's page is /tickets/TX…, got ${page.url()}`);
      ticketNumber = m[1];
      const ticket = page.getByTestId('page-ticket');
      await seeText(ticket, subject);
      await statusIs(page, 'New');
      // The file is on the ticket, and its (signed) link serves it.
      const file = await visible(ticket.getByRole('link', { name: /jam-report\.pdf/ }));
      const download = await page.request.get(await file.getAttribute('href'));
      assert.equal(download.status(), 200, 'the attachment link serves the file');
      assert.equal((await download.body()).toString('latin1'), PDF_BYTES);
    });

    const coordinator = await desk.person();
    const staffPage = coordinator.page;
    await step(staffPage, 'the coordinator finds it in the New queue and approves it (priority, department)', async () => {
      await loginThroughUi(staffPage, coordinatorEmail, USER_PASSWORD, 'page-queue');
      await staffPage.goto('/queue?view=new');
      const queue = await visible(staffPage.getByTestId('page-queue'));
      await queue.getByRole('link', { name: new RegExp(`${ticketNumber}|${subject.replace(/[()]/g, '\\$&')}`) }).first().click();
      const ticket = await visible(staffPage.getByTestId('page-ticket'));
      await seeText(ticket, subject);
      await ticket.getByRole('button', { name: /^approve/i }).click();
      const dialog = await visible(staffPage.getByRole('dialog'));
      await choose(dialog, /priority/i, /^High$/);
      await choose(dialog, /department/i, /IT Department/);
      await dialog.getByRole('button', { name: /^approve/i }).click();
      await dialog.waitFor({ state: 'hidden' });
      await statusIs(staffPage, 'Open');
    });

    await step(staffPage, 'the coordinator claims it', async () => {
      const ticket = staffPage.getByTestId('page-ticket');
      await clickAndConfirm(staffPage, ticket, /^claim/i);
      await statusIs(staffPage, 'In Progress');
    });

    await step(staffPage, 'the coordinator writes an internal note', async () => {
      const ticket = staffPage.getByTestId('page-ticket');
      await postComment(staffPage, ticket, note, true);
      await seeText(ticket, note);
    });

    await step(staffPage, 'the coordinator writes a public reply', async () => {
      const ticket = staffPage.getByTestId('page-ticket');
      await postComment(staffPage, ticket, reply, false);
      await seeText(ticket, reply);
    });

    await step(staffPage, 'the note and the reply are shown distinctly to staff', async () => {
      const ticket = staffPage.getByTestId('page-ticket');
      const noteItem = ticket.locator('li, article').filter({ hasText: note }).last();
      assert.match(await noteItem.innerText(), /internal/i, 'the internal note is marked as internal');
      const replyItem = ticket.locator('li, article').filter({ hasText: reply }).last();
      assert.doesNotMatch(await replyItem.innerText(), /internal note/i, 'the public reply is not marked internal');
    });

    await step(staffPage, 'the coordinator resolves it (update status)', async () => {
      const ticket = staffPage.getByTestId('page-ticket');
      const openStatus = ticket.getByRole('button', { name: /update status|change status/i });
      if ((await openStatus.count()) > 0) await openStatus.first().click();
      const scope = (await staffPage.getByRole('dialog').count()) > 0 ? staffPage.getByRole('dialog') : ticket;
      await choose(scope, /status/i, /^Resolved$/);
      const comment = scope.getByLabel(/comment|note/i);
      if ((await comment.count()) > 0) await comment.first().fill('Roller replaced.');
      await scope.getByRole('button', { name: /update|save|set status|move|resolve/i }).last().click();
      await statusIs(staffPage, 'Resolved');
    });

    await step(page, 'the owner sees the reply but not the note, and closes the ticket', async () => {
      await page.goto(`/tickets/${ticketNumber}`);
      const ticket = await visible(page.getByTestId('page-ticket'));
      await seeText(ticket, reply);
      await statusIs(page, 'Resolved');
      assert.equal(await page.getByText(note).count(), 0, 'the owner must not see the internal note');
      assert.ok(!(await page.content()).includes(note), 'the internal note is not in the owner page at all');
      await clickAndConfirm(page, ticket, /^close/i);
      await statusIs(page, 'Closed');
    });

    await step(page, 'the owner opens the History panel and sees the events, not the internal ones', async () => {
      const ticket = page.getByTestId('page-ticket');
      await ticket.locator('details.history > summary').click();
      const timeline = await visible(ticket.locator('.history .timeline'));
      await seeText(timeline, /Ticket raised/);
      await seeText(timeline, /Status changed: Resolved → Closed/);
      await seeText(timeline, /Comment added/);
      assert.equal(await timeline.getByText(/Internal note added/).count(), 0, 'the owner does not see the internal note in the history');
    });

    const owner = await desk.api.login(email);
    const final = await desk.api.ticket(owner, ticketNumber);
    assert.equal(final.status, 'Closed');
    assert.ok(!(await desk.api.comments(owner, final.id)).some((c) => c.text === note), 'the API hides the note from the owner too');
  });
});

/**
 * Posts a comment on the ticket page: the text box, then the internal/public
 * choice (a checkbox, a radio or a tab), then its button.
 */
async function postComment(page, ticket, text, internal) {
  // A tab or a toggle between "Public reply" and "Internal note".
  const mode = ticket.getByRole('tab', { name: internal ? /internal/i : /public|reply/i });
  if ((await mode.count()) > 0) await mode.first().click();
  const box = ticket.getByRole('textbox', { name: /comment|reply|note|message/i }).last();
  await box.waitFor({ state: 'visible' });
  await box.fill(text);
  const checkbox = ticket.getByRole('checkbox', { name: /internal/i });
  if ((await checkbox.count()) > 0) await checkbox.first().setChecked(internal);
  const radio = ticket.getByRole('radio', { name: internal ? /internal/i : /public|reply/i });
  if ((await radio.count()) > 0) await radio.first().check();
  await ticket
    .getByRole('button', { name: internal ? /add (internal )?note|post|send|add comment|save/i : /reply|post|send|add comment|save/i })
    .last()
    .click();
}

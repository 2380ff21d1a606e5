// A password reset through the mailed link: the forgot-password page, the
// real SMTP sink catches the mail, the link's page takes the token out of
// the address bar, the new password works and the old one no longer does.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite, approvedEmployee } from './support/harness.mjs';
import { open, loginFields, loginThroughUi } from './support/browser.mjs';
import { passwordLink } from './support/sink.mjs';
import { step, visible, seeText, until } from './support/ui.mjs';
import { USER_PASSWORD } from './support/env.mjs';

const NEW_PASSWORD = 'N3w!reset-Passw0rd';

describe('password reset', { timeout: 120_000 }, () => {
  const world = deskForSuite({
    setup: async (desk) => ({ email: await approvedEmployee(desk, 'rita', { first_name: 'Rita', last_name: 'Reset' }) }),
  });

  test('forgot password -> mailed link -> token leaves the address bar -> new password works, old one refused', async () => {
    const { desk, email } = world;
    const { page } = await desk.person();
    const mailsBefore = (await desk.sink.all()).length;

    await step(page, 'ask for a reset from the login page', async () => {
      await open(page, '/login', 'page-login');
      await page.getByRole('link', { name: /forgot/i }).click();
      const form = await visible(page.getByTestId('page-forgot-password'));
      await form.getByLabel(/e-?mail/i).fill(email);
      await form.getByRole('button', { name: /reset|send/i }).click();
      await seeText(form, /on its way|sent|check your (e-?mail|inbox)/i);
    });

    const link = await step(page, 'the sink catches the mail', async () => {
      const mail = await desk.sink.waitFor({ to: email, pattern: /reset-password\?token=/, after: mailsBefore });
      return passwordLink(mail);
    });
    const mailed = new URL(link);
    assert.equal(mailed.pathname, '/reset-password');
    const token = mailed.searchParams.get('token');
    assert.ok(token && token.length >= 16, `a token in ${link}`);
    // By default the mailed link points at the console the server itself
    // serves (--frontend-url defaults to its own address): open it as mailed.
    assert.equal(mailed.origin, desk.base, `the mailed link ${link} points at the server's own console`);
    const target = link;

    await step(page, 'open the link: the token leaves the address bar at once', async () => {
      const response = await page.goto(target);
      assert.equal(response.headers()['referrer-policy'], 'no-referrer', 'the page is served with Referrer-Policy: no-referrer');
      await visible(page.getByTestId('page-reset-password'));
      await until('the token to leave the address bar', async () => !page.url().includes(token) && !page.url().includes('token='));
      const referrer = await page.evaluate(() => document.querySelector('meta[name="referrer"]')?.getAttribute('content'));
      assert.equal(referrer, 'no-referrer', 'index.html carries <meta name="referrer" content="no-referrer">');
    });

    await step(page, 'set the new password', async () => {
      const form = page.getByTestId('page-reset-password');
      await form.getByLabel(/^new password|^password/i).fill(NEW_PASSWORD);
      await form.getByLabel(/confirm/i).fill(NEW_PASSWORD);
      await form.getByRole('button', { name: /set|reset|save|change/i }).click();
      await until('a success message or the login page', async () =>
        (await page.getByTestId('page-login').count()) > 0 ||
        (await form.getByText(/password was set|password (has been )?(changed|reset|updated)|sign in with it|log in/i).count()) > 0,
      );
      assert.ok(!page.url().includes(token), 'the token never comes back into the URL');
    });

    await step(page, 'the old password is refused', async () => {
      const { page: other } = await desk.person();
      await open(other, '/login', 'page-login');
      const f = loginFields(other);
      await f.email.fill(email);
      await f.password.fill(USER_PASSWORD);
      await f.submit.click();
      await seeText(other.getByTestId('page-login'), /invalid email or password|incorrect|wrong/i);
      assert.equal(await other.getByTestId('page-my-tickets').count(), 0);
      await other.context().close();
    });

    await step(page, 'the new password logs in', async () => {
      const { page: fresh } = await desk.person();
      await loginThroughUi(fresh, email, NEW_PASSWORD, 'page-my-tickets');
      await fresh.context().close();
    });
  });
});

// A refresh whose answer never reaches the browser must not end the session.
//
// It happens whenever a person reloads or follows a link while the page's
// session-restoring refresh is in flight (or the network drops the answer):
// the server has already rotated the refresh token, the browser never got
// the new cookie, and its next refresh presents the old one. A server that
// treats that at once as token theft closes the session in every tab.
//
// Made deterministic here: the browser's refresh request is answered by
// forwarding it to the server ourselves (so the server rotates) and then
// dropping the answer while the page navigates away.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite, approvedEmployee } from './support/harness.mjs';
import { loginThroughUi } from './support/browser.mjs';
import { step, visible } from './support/ui.mjs';
import { USER_PASSWORD } from './support/env.mjs';

describe('a lost refresh answer', { timeout: 90_000 }, () => {
  const world = deskForSuite({
    setup: async (desk) => ({ email: await approvedEmployee(desk, 'lena', { first_name: 'Lena', last_name: 'Lost' }) }),
  });

  test('navigating away during the page-load refresh keeps the person signed in', async () => {
    const { desk, email } = world;
    const { page, context } = await desk.person();
    await step(page, 'log in', () => loginThroughUi(page, email, USER_PASSWORD, 'page-my-tickets'));

    let armed = false;
    let forwarded;
    const serverAnswered = new Promise((resolve) => {
      forwarded = resolve;
    });
    await context.route('**/api/token/refresh/', async (route) => {
      if (!armed) return route.continue();
      armed = false;
      const request = route.request();
      const headers = await request.allHeaders();
      const forward = {};
      for (const name of ['cookie', 'content-type', 'x-helpdesk-session', 'origin']) {
        if (headers[name]) forward[name] = headers[name];
      }
      const res = await fetch(request.url(), {
        method: 'POST',
        headers: forward,
        body: request.postData() ?? undefined,
        signal: AbortSignal.timeout(10_000),
      });
      forwarded(res.status);
      // The page is gone before the answer arrives: it is never delivered.
      await route.abort('aborted').catch(() => {});
    });

    await step(page, 'reload; the server rotates the refresh token, the answer is lost', async () => {
      armed = true;
      await page.reload({ waitUntil: 'commit' });
      assert.equal(await serverAnswered, 200, 'the server accepted (and rotated) the refresh');
    });
    await step(page, 'the next page load still restores the session', async () => {
      await page.goto('/tickets');
      await visible(page.getByTestId('page-my-tickets'));
      assert.equal(await page.getByTestId('page-login').count(), 0);
    });
    await context.close();
  });
});

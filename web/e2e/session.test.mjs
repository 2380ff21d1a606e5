// Tokens never reach places scripts or addresses can read: nothing in
// localStorage/sessionStorage or the URL, the refresh token in an HttpOnly
// SameSite=Strict cookie scoped to the token routes, and two tabs that
// refresh at the same moment (page loads and timers) both stay signed in
// (the server revokes the whole session when a refresh token is reused).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite, approvedEmployee } from './support/harness.mjs';
import { loginThroughUi, newPage } from './support/browser.mjs';
import { step, visible, until } from './support/ui.mjs';
import { USER_PASSWORD } from './support/env.mjs';

const JWT = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/;

/** Counts the page's POST /api/token/refresh/ answers: page.refreshes.{ok,refused}. */
function trackRefreshes(page) {
  page.refreshes = { ok: 0, refused: 0 };
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/api/token/refresh/') return;
    if (response.status() === 200) page.refreshes.ok++;
    else page.refreshes.refused++;
  });
}

async function storageDump(page) {
  return page.evaluate(() => {
    const dump = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)).map((k) => [k, s.getItem(k)]));
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, url: location.href };
  });
}

describe('session tokens', { timeout: 120_000 }, () => {
  const firstName = 'Sasha';
  // Access tokens live 10 s (the least the server takes): the console
  // refreshes each tab every ~5 s, so the tabs' timers meet.
  const world = deskForSuite({
    serverArgs: ['--access-token-ttl', '10'],
    setup: async (desk) => ({ email: await approvedEmployee(desk, 'sasha', { first_name: firstName, last_name: 'Session' }) }),
  });

  test('no token in localStorage, sessionStorage, document.cookie or the URL; the refresh cookie is HttpOnly', async () => {
    const { desk, email } = world;
    const { page, context } = await desk.person();
    const seen = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) seen.push(frame.url());
    });
    await step(page, 'log in', () => loginThroughUi(page, email, USER_PASSWORD, 'page-my-tickets'));
    await step(page, 'open a few pages', async () => {
      await page.goto('/tickets/new');
      await visible(page.getByTestId('page-new-ticket'));
      await page.goto('/profile');
      await visible(page.getByTestId('page-profile'));
    });
    const dump = await storageDump(page);
    const blob = JSON.stringify(dump);
    assert.doesNotMatch(blob, JWT, `a token is readable by scripts or in the URL: ${blob}`);
    for (const store of [dump.local, dump.session]) {
      for (const key of Object.keys(store)) {
        assert.doesNotMatch(key, /token|access|refresh|jwt/i, `storage key ${key}`);
      }
    }
    for (const url of seen) {
      assert.doesNotMatch(url, JWT, `token in a visited URL: ${url}`);
      assert.doesNotMatch(url, /[?&](access|refresh|token)=/i, `token in a visited URL: ${url}`);
    }
    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === 'helpdesk_refresh');
    assert.ok(refresh, `a helpdesk_refresh cookie; cookies: ${cookies.map((c) => c.name).join(', ') || '(none)'}`);
    assert.equal(refresh.httpOnly, true, 'the refresh cookie is HttpOnly');
    assert.equal(refresh.sameSite, 'Strict', 'the refresh cookie is SameSite=Strict');
    assert.equal(refresh.path, '/api/token/', 'the refresh cookie is scoped to the token routes');
    for (const c of cookies.filter((x) => !x.httpOnly)) {
      assert.doesNotMatch(c.value, JWT, `a script-readable cookie ${c.name} holds a token`);
    }
    await context.close();
  });

  test('two tabs refreshing at the same time both stay signed in', async () => {
    const { desk, email } = world;
    const { page: first, context } = await desk.person();
    await step(first, 'log in in the first tab', () => loginThroughUi(first, email, USER_PASSWORD, 'page-my-tickets'));
    const second = await newPage(context);
    const tabs = [first, second];
    for (const tab of tabs) trackRefreshes(tab);
    await step(second, 'the second tab restores the session from the cookie', async () => {
      await second.goto('/tickets');
      await visible(second.getByTestId('page-my-tickets'));
    });
    const showsUser = async (page) => {
      const text = await page.locator('body').innerText();
      return text.includes(firstName) || text.includes(email);
    };
    assert.ok(await showsUser(first), 'the first tab shows who is signed in');

    // Page loads: each tab restores its session with the cookie at the same moment.
    for (let round = 1; round <= 3; round++) {
      await step(first, `round ${round}: both tabs reload (and refresh) at once`, async () => {
        await Promise.all([first.reload(), second.reload()]);
        await Promise.all([visible(first.getByTestId('page-my-tickets')), visible(second.getByTestId('page-my-tickets'))]);
        assert.ok(await showsUser(first), 'the first tab still shows the user');
        assert.ok(await showsUser(second), 'the second tab still shows the user');
      });
    }

    // Timers: access tokens live 10 s here, so both tabs (loaded together)
    // refresh in the background about every 5 s, at nearly the same time.
    await step(first, 'both tabs refresh on their timers, twice each', async () => {
      const from = tabs.map((t) => t.refreshes.ok);
      await until('two timer refreshes in each tab', async () => tabs.every((t, i) => t.refreshes.ok - from[i] >= 2), 20_000);
    });
    for (const [i, tab] of tabs.entries()) {
      assert.equal(tab.refreshes.refused, 0, `tab ${i + 1}: a refresh was refused (${tab.refreshes.ok} accepted)`);
      assert.ok(tab.refreshes.ok >= 5, `tab ${i + 1} refreshed ${tab.refreshes.ok} times`);
    }

    await step(first, 'both tabs still work: in-app navigation loads the profile with the current token', async () => {
      await Promise.all(tabs.map((t) => t.getByRole('link', { name: 'Profile', exact: true }).first().click()));
      for (const tab of tabs) {
        const profile = await visible(tab.getByTestId('page-profile'));
        await visible(profile.getByText(email));
        assert.equal(await tab.getByTestId('page-login').count(), 0);
      }
    });
    await context.close();
  });
});

// Keyboard only: a person signs in without a mouse, and every control of the
// ticket form can be reached with Tab.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite, approvedEmployee } from './support/harness.mjs';
import { open } from './support/browser.mjs';
import { step, visible } from './support/ui.mjs';
import { USER_PASSWORD } from './support/env.mjs';

/** Tabs through the page; returns a description of each element that got focus. */
async function tabThrough(page, presses) {
  const seen = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        return { id: el.id, tag: el.tagName, name: el.getAttribute('name'), key: el.dataset.e2eKey ?? null };
      }),
    );
  }
  return seen.filter(Boolean);
}

describe('keyboard', { timeout: 90_000 }, () => {
  const world = deskForSuite({
    setup: async (desk) => ({ email: await approvedEmployee(desk, 'kim', { first_name: 'Kim', last_name: 'Keys' }) }),
  });

  test('sign in with the keyboard only, then reach every control of the ticket form with Tab', async () => {
    const { desk, email } = world;
    const { page } = await desk.person();
    await step(page, 'sign in with Tab, typing and Enter', async () => {
      await open(page, '/login', 'page-login');
      const form = page.getByTestId('page-login');
      // From the top of the page, Tab until the email field has focus.
      let reached = false;
      for (let i = 0; i < 15 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await form.getByLabel(/e-?mail/i).evaluate((el) => el === document.activeElement);
      }
      assert.ok(reached, 'the email field is reachable with Tab');
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      assert.ok(await form.getByLabel(/^password/i).evaluate((el) => el === document.activeElement), 'Tab moves from email to password');
      await page.keyboard.type(USER_PASSWORD);
      await page.keyboard.press('Enter');
      await visible(page.getByTestId('page-my-tickets'));
    });

    await step(page, 'every control of the ticket form takes focus with Tab', async () => {
      await page.goto('/tickets/new');
      const form = await visible(page.getByTestId('page-new-ticket'));
      await visible(form.getByLabel(/subject/i));
      const controls = form.locator('input:not([type="hidden"]), select, textarea, button');
      const count = await controls.count();
      assert.ok(count >= 6, `the form has its controls (${count})`);
      await controls.evaluateAll((els) => els.forEach((el, i) => (el.dataset.e2eKey = String(i))));
      const enabled = await controls.evaluateAll((els) => els.filter((el) => !el.disabled).map((el) => el.dataset.e2eKey));
      await page.evaluate(() => document.activeElement?.blur());
      const focused = new Set((await tabThrough(page, count + 25)).map((f) => f.key).filter((k) => k !== null));
      const missed = enabled.filter((k) => !focused.has(k));
      const describe = async (k) =>
        form.locator(`[data-e2e-key="${k}"]`).evaluate((el) => `${el.tagName.toLowerCase()}[name=${el.getAttribute('name')}] "${el.labels?.[0]?.textContent ?? el.textContent ?? ''}"`);
      assert.deepEqual(await Promise.all(missed.map(describe)), [], 'controls Tab never reaches');
    });
  });
});

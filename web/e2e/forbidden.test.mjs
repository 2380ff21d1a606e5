// An employee who types a staff URL gets the "not allowed" page, not the
// staff page (and not its data).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite, approvedEmployee } from './support/harness.mjs';
import { loginThroughUi } from './support/browser.mjs';
import { step, visible } from './support/ui.mjs';
import { USER_PASSWORD } from './support/env.mjs';

describe('role-based routes', { timeout: 90_000 }, () => {
  const world = deskForSuite({
    setup: async (desk) => {
      const email = await approvedEmployee(desk, 'erin', { first_name: 'Erin' });
      const { page } = await desk.person();
      await loginThroughUi(page, email, USER_PASSWORD, 'page-my-tickets');
      return { page };
    },
  });

  for (const route of ['/queue', '/admin/accounts', '/dashboard', '/admin/api-keys']) {
    test(`an employee typing ${route} gets page-forbidden`, async () => {
      const { page } = world;
      await step(page, `open ${route}`, async () => {
        await page.goto(route);
        await visible(page.getByTestId('page-forbidden'));
      });
      const staffPages = ['page-queue', 'page-admin-accounts', 'page-dashboard', 'page-api-keys'];
      for (const id of staffPages) {
        assert.equal(await page.getByTestId(id).count(), 0, `${id} is rendered for an employee at ${route}`);
      }
      // Still signed in: the way back to the employee's own pages works.
      await page.goto('/tickets');
      await visible(page.getByTestId('page-my-tickets'));
    });
  }
});

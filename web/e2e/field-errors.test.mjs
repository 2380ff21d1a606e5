// Field errors appear beside their fields: the message sits in the field's
// own wrapper or is linked to the control by aria-describedby, and the
// control is marked aria-invalid.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deskForSuite } from './support/harness.mjs';
import { open } from './support/browser.mjs';
import { step, fieldMessages, until, selectByLabel } from './support/ui.mjs';

describe('sign-up field errors', { timeout: 90_000 }, () => {
  const world = deskForSuite();

  test('a weak password, a mismatching confirmation and a bad email are each shown beside their field', async () => {
    const { desk } = world;
    const { page } = await desk.person();
    const form = page.getByTestId('page-signup');
    const fields = {
      email: form.getByLabel(/e-?mail/i),
      password: form.getByLabel(/^password/i),
      confirm: form.getByLabel(/confirm/i),
    };
    const before = {};
    await step(page, 'fill the sign-up form', async () => {
      await open(page, '/signup', 'page-signup');
      await form.getByLabel(/first name/i).fill('Wendy');
      await form.getByLabel(/last name/i).fill('Weak');
      const department = form.getByLabel(/department/i);
      if ((await department.evaluate((el) => el.tagName)) === 'SELECT') {
        await selectByLabel(department, /IT Department/);
      } else {
        await department.fill('IT Department');
      }
      // Valid for the browser's type=email check, refused by the server
      // (its domain has no dot): the message must come back beside the field.
      await fields.email.fill('wendy@localhost');
      await fields.password.fill('weakpass');
      await fields.confirm.fill('weakpasz');
      for (const [name, control] of Object.entries(fields)) before[name] = (await fieldMessages(control)).nearby;
      await form.getByRole('button', { name: /sign ?up|create account|register/i }).click();
    });

    const expectations = {
      email: /valid email|e-?mail address/i,
      password: /password needs|at least 8|upper-?case|digit|symbol|too weak/i,
      confirm: /match/i,
    };
    for (const [name, pattern] of Object.entries(expectations)) {
      await step(page, `the ${name} field shows its error`, async () => {
        const control = fields[name];
        const got = await until(`an error beside the ${name} field`, async () => {
          const m = await fieldMessages(control);
          // Only what appeared after the submit counts (a hint stating the
          // password rule was there before).
          const added = before[name] && m.nearby.includes(before[name]) ? m.nearby.split(before[name]).join(' ') : m.nearby;
          return m.invalid === 'true' && pattern.test(added) ? { ...m, added } : null;
        }).catch(async (e) => {
          const m = await fieldMessages(control);
          throw new Error(`${e.message}\n  aria-invalid=${m.invalid}\n  described-by text: ${m.described}\n  wrapper text: ${m.nearby}`);
        });
        assert.match(got.added, pattern);
      });
    }
    // Still on the sign-up page, nothing was created.
    assert.equal(await page.getByTestId('page-signup').count(), 1);
  });
});

// Small helpers over playwright-core locators (playwright-core has no
// `expect`): bounded waits that fail with a readable message.
import { STEP_MS } from './env.mjs';

/** Runs one named step of a journey; a failure names the step and the page's URL. */
export async function step(page, name, fn) {
  try {
    return await fn();
  } catch (e) {
    let where = '';
    try {
      where = ` (at ${page.url()})`;
    } catch {
      // page closed
    }
    const problems = page.problems?.length ? `\nbrowser console:\n  ${page.problems.join('\n  ')}` : '';
    const wrapped = new Error(`step "${name}"${where}: ${e.message}${problems}`, { cause: e });
    wrapped.stack = `${wrapped.message}\n${String(e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
    throw wrapped;
  }
}

/** Waits until `locator` (first match) is visible. */
export async function visible(locator, timeout = STEP_MS) {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

/** Waits until `pattern` appears as text inside `scope` (a page or a locator). */
export async function seeText(scope, pattern, timeout = STEP_MS) {
  return visible(scope.getByText(pattern), timeout);
}

/** Polls `fn` until it returns a truthy value or `timeout` ms pass. */
export async function until(what, fn, timeout = STEP_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Clicks the button named `name` in `scope`; if that opens a dialog, fills
 * nothing and confirms with the dialog's own button of the same name (or
 * `confirm`). Returns the dialog when there was one (already confirmed).
 */
export async function clickAndConfirm(page, scope, name, confirm = name) {
  await visible(scope.getByRole('button', { name }));
  await scope.getByRole('button', { name }).first().click();
  const dialog = page.getByRole('dialog');
  try {
    await dialog.first().waitFor({ state: 'visible', timeout: 1500 });
  } catch {
    return null;
  }
  await dialog.first().getByRole('button', { name: confirm }).last().click();
  return dialog;
}

/** Selects the option whose label matches `pattern` in a <select>. */
export async function selectByLabel(select, pattern, timeout = STEP_MS) {
  // Options may arrive with data loaded after the page (the catalogue).
  const deadline = Date.now() + timeout;
  for (;;) {
    const options = await select.locator('option').allTextContents();
    const label = options.find((o) => pattern.test(o.trim()));
    if (label) {
      await select.selectOption({ label: label.trim() });
      return;
    }
    if (Date.now() > deadline) throw new Error(`no option matching ${pattern} among: ${options.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The text that belongs to a form field: its aria-describedby and
 * aria-errormessage targets, and the text of its own field wrapper (the
 * largest ancestor holding no other form control).
 */
export function fieldMessages(control) {
  return control.evaluate((el) => {
    const texts = [];
    const ids = `${el.getAttribute('aria-describedby') ?? ''} ${el.getAttribute('aria-errormessage') ?? ''}`
      .split(/\s+/)
      .filter(Boolean);
    for (const id of ids) {
      const target = document.getElementById(id);
      if (target) texts.push(target.textContent ?? '');
    }
    let wrapper = el;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const controls = p.querySelectorAll('input, select, textarea');
      if (controls.length > 1) break;
      wrapper = p;
    }
    if (wrapper !== el) texts.push(wrapper.textContent ?? '');
    return {
      described: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | '),
      nearby: texts.join(' | '),
      invalid: el.getAttribute('aria-invalid'),
    };
  });
}

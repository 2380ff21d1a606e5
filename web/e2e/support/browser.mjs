// Debian's Chromium driven by playwright-core (no browser download), and the
// page helpers the journeys share.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, STEP_MS, NAV_MS } from './env.mjs';

const require = createRequire(import.meta.url);

/**
 * Launches headless Chromium. playwright's launch() gives it a fresh
 * temporary user data dir (removed on close). The flags keep it off the
 * network: without them it keeps trying Google's services.
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // No name resolves: nothing can leave this machine even by accident.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * A fresh context (its own cookies: one person) on the test server, with
 * bounded timeouts, and a guard that refuses requests leaving 127.0.0.1.
 */
export async function newContext(browser, base, options = {}) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    ...options,
  });
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(NAV_MS);
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/, (route) => route.abort('blockedbyclient'));
  return context;
}

/** A page in `context`; console errors and page errors are collected in page.problems. */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('response', (response) => {
    if (/\/api\/token\//.test(response.url()) && response.status() !== 200 && response.status() !== 204) {
      page.problems.push(`token route: ${response.request().method()} ${new URL(response.url()).pathname} -> ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (/\/api\//.test(request.url())) page.problems.push(`request failed: ${request.method()} ${new URL(request.url()).pathname} ${request.failure()?.errorText}`);
  });
  return page;
}

/** Goes to a client route and waits for the page container with `testid`. */
export async function open(page, route, testid) {
  await page.goto(route);
  if (testid) await page.getByTestId(testid).waitFor({ state: 'visible' });
}

/** The login page's fields, by their labels. */
export function loginFields(page) {
  const form = page.getByTestId('page-login');
  return {
    email: form.getByLabel(/e-?mail/i),
    password: form.getByLabel(/^password/i),
    submit: form.getByRole('button', { name: /^(log ?in|sign ?in)/i }),
  };
}

/**
 * Logs in through /login and waits for the page with data-testid `landing`
 * (or, without one, until the login page is gone).
 */
export async function loginThroughUi(page, email, password, landing) {
  await open(page, '/login', 'page-login');
  const f = loginFields(page);
  await f.email.fill(email);
  await f.password.fill(password);
  await f.submit.click();
  if (landing) {
    await page.getByTestId(landing).waitFor({ state: 'visible' });
  } else {
    await page.getByTestId('page-login').waitFor({ state: 'detached' });
  }
}

let axeSource;

/**
 * Runs axe-core on the page (WCAG 2.x A/AA and best practices) and returns
 * the violations whose impact is serious or critical.
 */
export async function seriousViolations(page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Through the DevTools protocol, not a <script> element: the page's CSP
  // (script-src 'self') would refuse an inline one, as it should.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The violations, readable in a failure message. */
export function describeViolations(violations) {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    at ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

// One test file's world: a temp dir, the SMTP sink, helpdesk-server on a
// fresh SQLite store, headless Chromium, and the API helper for setup.
// desk.close() ends all of it and removes the temp dir; call it from after().
import { before, after } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MailSink } from './sink.mjs';
import { DeskServer } from './server.mjs';
import { Api } from './api.mjs';
import { launchBrowser, newContext, newPage } from './browser.mjs';

let counter = 0;

/** `serverArgs`: more helpdesk-server flags (e.g. a short access-token lifetime). */
export async function startDesk({ serverArgs = [] } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'helpdesk-e2e-'));
  const desk = { dir, sink: null, server: null, browser: null, api: null };
  desk.close = async () => {
    const errors = [];
    const attempt = async (fn) => {
      try {
        await fn();
      } catch (e) {
        errors.push(e);
      }
    };
    if (desk.browser) await attempt(() => withTimeout(desk.browser.close(), 10_000, 'closing Chromium'));
    if (desk.server) await attempt(() => desk.server.stop());
    if (desk.sink) await attempt(() => desk.sink.stop());
    await attempt(() => rm(dir, { recursive: true, force: true, maxRetries: 3 }));
    if (errors.length) throw errors[0];
  };
  try {
    desk.sink = await MailSink.start(path.join(dir, 'mail'));
    desk.server = await DeskServer.start({ dir, smtpPort: desk.sink.port, extraArgs: serverArgs });
    desk.api = new Api(desk.server.base);
    desk.browser = await launchBrowser();
  } catch (e) {
    const logs = [desk.server?.child.output(), desk.sink?.child.output()].filter(Boolean).join('\n');
    await desk.close().catch(() => {});
    if (logs) e.message += `\n${logs}`;
    throw e;
  }
  desk.base = desk.server.base;
  /** A new browser context (one person) with one page. */
  desk.person = async (options) => {
    const context = await newContext(desk.browser, desk.base, options);
    const page = await newPage(context);
    return { context, page };
  };
  /** An address unique on this server (each test file has its own). */
  const used = new Set();
  desk.email = (name) => {
    let address = `${name}@desk.test`;
    while (used.has(address)) address = `${name}${++counter}@desk.test`;
    used.add(address);
    return address;
  };
  /** The server's and the sink's output, for failure messages. */
  desk.logs = () => [desk.server.child.output(), desk.sink.child.output()].join('\n');
  return desk;
}

/**
 * Gives the enclosing describe() block its desk: started before its tests,
 * then `setup(desk)` (accounts over the API, a signed-in page, ...), and
 * closed after them. Returns the suite's world: `world.desk` and whatever
 * `setup` returned, filled in once the tests run.
 */
export function deskForSuite({ serverArgs = [], setup } = {}) {
  const world = {};
  before(async () => {
    world.desk = await startDesk({ serverArgs });
    if (setup) Object.assign(world, await setup(world.desk));
  }, { timeout: 60_000 });
  after(async () => {
    await world.desk?.close();
  }, { timeout: 30_000 });
  return world;
}

/** An approved Employee made by the admin over the API (`names`: first_name, last_name); their address. */
export async function approvedEmployee(desk, name, names) {
  const admin = await desk.api.adminToken();
  const email = desk.email(name);
  await desk.api.employee(admin, { email, ...names });
  return email;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
    }),
  ]);
}

// Where things are, from the environment, with the defaults of a dev tree.
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (web/e2e/support/../../..). */
export const REPO_ROOT = path.resolve(here, '../../..');

/** The helpdesk-server binary: env HELPDESK_SERVER, else the dev build's. */
export const SERVER = process.env.HELPDESK_SERVER || path.join(REPO_ROOT, 'build-dev/server/helpdesk-server');

/** The built console: env HELPDESK_WEB_ROOT, else the dev build's web/dist. */
export const WEB_ROOT = process.env.HELPDESK_WEB_ROOT || path.join(REPO_ROOT, 'build-dev/web/dist');

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = process.env.HELPDESK_CHROMIUM || '/usr/bin/chromium';

/** Where the screenshots go: env HELPDESK_SCREENSHOT_DIR, else a temp dir made on first use. */
export const SCREENSHOT_DIR =
  process.env.HELPDESK_SCREENSHOT_DIR || path.join(os.tmpdir(), 'helpdesk-e2e-screenshots');

/** The admin the server bootstraps from HELPDESK_ADMIN_EMAIL / HELPDESK_ADMIN_PASSWORD. */
export const ADMIN = { email: 'admin@desk.test', password: 'Adm1n!e2e-Password' };

/** A password every test account passes the server's rules with. */
export const USER_PASSWORD = 'Str0ng!pass-e2e';

/** Bounded waits: one UI step, one navigation. */
export const STEP_MS = 10_000;
export const NAV_MS = 15_000;

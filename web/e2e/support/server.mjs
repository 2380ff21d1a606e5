// A real helpdesk-server for one test file: a fresh SQLite store and blob
// directory in a temp dir, a free port on 127.0.0.1, a cheap password hash,
// rate limits relaxed (every test client is 127.0.0.1), mail to the sink.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Child } from './processes.mjs';
import { SERVER, WEB_ROOT, ADMIN } from './env.mjs';

export class DeskServer {
  static async start({ dir, smtpPort, extraArgs = [] }) {
    if (!existsSync(SERVER)) {
      throw new Error(`no helpdesk-server at ${SERVER} (set HELPDESK_SERVER)`);
    }
    if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
      throw new Error(`no built console at ${WEB_ROOT} (set HELPDESK_WEB_ROOT to a vite build's output)`);
    }
    const args = [
      '--listen', '127.0.0.1:0',
      '--store', `sqlite://${path.join(dir, 'desk.db')}`,
      '--blob-dir', path.join(dir, 'blobs'),
      '--dev-generate-secret',
      '--password-iterations', '1000',
      '--rate-limit-address', '10000/1',
      '--rate-limit-account', '10000/1',
      '--web-root', WEB_ROOT,
      '--smtp-url', `smtp://127.0.0.1:${smtpPort}`,
      '--smtp-from', 'helpdesk@desk.test',
      '--smtp-tls', 'off',
      '--relay-idle-ms', '50',
      '--delivery-first-retry', '1',
      '--shutdown-grace', '1',
      '--no-access-log',
      ...extraArgs,
    ];
    const env = {
      ...process.env,
      HELPDESK_ADMIN_EMAIL: ADMIN.email,
      HELPDESK_ADMIN_PASSWORD: ADMIN.password,
    };
    const child = new Child('helpdesk-server', SERVER, args, { env });
    const m = await child.waitForLine(/listening on (http:\/\/127\.0\.0\.1:(\d+))/, 20000);
    return new DeskServer(child, m[1]);
  }

  constructor(child, base) {
    this.child = child;
    /** http://127.0.0.1:PORT */
    this.base = base;
  }

  url(p) {
    return new URL(p, this.base).toString();
  }

  stop() {
    return this.child.stop(3000);
  }
}

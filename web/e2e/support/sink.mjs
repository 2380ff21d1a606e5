// The real SMTP server of the repository's tests (tests/peers/smtp_sink.py):
// it prints its port first and stores every accepted mail as <dir>/NNNNNN.json.
import { readdir, readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Child } from './processes.mjs';
import { REPO_ROOT } from './env.mjs';

function python() {
  if (process.env.HELPDESK_PYTHON) return process.env.HELPDESK_PYTHON;
  // Debian's interpreter carries python3-aiosmtpd; a pyenv shim may not.
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export class MailSink {
  static async start(dir) {
    await mkdir(dir, { recursive: true });
    const child = new Child('smtp_sink', python(), [path.join(REPO_ROOT, 'tests/peers/smtp_sink.py'), '--dir', dir]);
    const m = await child.waitForLine(/^(\d+)$/, 15000);
    return new MailSink(child, dir, Number(m[1]));
  }

  constructor(child, dir, port) {
    this.child = child;
    this.dir = dir;
    this.port = port;
  }

  async all() {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort();
    const mails = [];
    for (const name of names) {
      mails.push(JSON.parse(await readFile(path.join(this.dir, name), 'utf8')));
    }
    return mails;
  }

  /**
   * The first mail to `to` whose subject or text matches `pattern` and that
   * is not among `after` (mails already seen), waiting up to `timeoutMs`.
   */
  async waitFor({ to, pattern = /./, after = 0, timeoutMs = 15000 }) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = (await this.all()).slice(after);
      const hit = mails.find(
        (m) =>
          m.rcpt_tos.some((r) => r.toLowerCase() === to.toLowerCase()) &&
          (pattern.test(m.parsed.subject) || pattern.test(mailText(m))),
      );
      if (hit) return hit;
      if (Date.now() > deadline) {
        const seen = mails.map((m) => `${m.rcpt_tos.join(',')}: ${m.parsed.subject}`).join('\n  ');
        throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms; mails seen:\n  ${seen || '(none)'}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stop() {
    return this.child.stop();
  }
}

/** The decoded text of every part of a stored mail. */
export function mailText(mail) {
  return mail.parsed.parts.map((p) => String(p.content ?? '')).join('\n');
}

/** The first link in a mail whose path is `/reset-password` or `/set-password`. */
export function passwordLink(mail) {
  const m = mailText(mail).match(/https?:\/\/[^\s"'<>]+\/(?:reset|set)-password\?token=[^\s"'<>&]+/);
  if (!m) throw new Error(`no password link in the mail "${mail.parsed.subject}":\n${mailText(mail)}`);
  return m[0];
}

// Child processes for the end-to-end tests: started with pipes, their output
// kept (the tail) for failure messages, and always ended: by stop() in the
// tests' after() hooks, and by SIGKILL when this process exits anyway.
import { spawn } from 'node:child_process';

const live = new Set();

function killAllNow() {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

const TAIL_BYTES = 16 * 1024;

/**
 * A running child process. `firstLine(timeoutMs)` resolves with the first
 * line it printed on stdout; `output()` is the tail of stdout and stderr.
 */
export class Child {
  constructor(name, command, args, options = {}) {
    this.name = name;
    this.stdout = '';
    this.stderr = '';
    this.exited = null;
    this.proc = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    live.add(this.proc);
    this.exit = new Promise((resolve) => {
      this.proc.once('exit', (code, signal) => {
        live.delete(this.proc);
        this.exited = { code, signal };
        resolve(this.exited);
      });
      this.proc.once('error', (err) => {
        live.delete(this.proc);
        this.exited = { code: null, signal: null, error: err };
        this.stderr += `\n[spawn error] ${err.message}`;
        resolve(this.exited);
      });
    });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stderr.setEncoding('utf8');
    this.lineWaiters = [];
    this.allStdout = '';
    this.proc.stdout.on('data', (chunk) => {
      this.stdout = (this.stdout + chunk).slice(-TAIL_BYTES);
      // The head is kept too: banners are read from it.
      if (this.allStdout.length < TAIL_BYTES) this.allStdout += chunk;
      this.#wake();
    });
    this.proc.stderr.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-TAIL_BYTES);
    });
  }

  #wake() {
    for (const w of [...this.lineWaiters]) w();
  }

  output() {
    return `--- ${this.name} stdout ---\n${this.stdout}\n--- ${this.name} stderr ---\n${this.stderr}`;
  }

  /** The first stdout line (without its newline) matching `pattern`. */
  waitForLine(pattern, timeoutMs) {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (const line of this.allStdout.split('\n').slice(0, -1)) {
          const m = line.match(pattern);
          if (m) {
            done();
            resolve(m);
            return true;
          }
        }
        if (this.exited) {
          done();
          reject(new Error(`${this.name} exited (${JSON.stringify(this.exited)}) before printing ${pattern}\n${this.output()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name} printed no line matching ${pattern} within ${timeoutMs} ms\n${this.output()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.lineWaiters = this.lineWaiters.filter((w) => w !== waiter);
      };
      const waiter = () => check();
      this.lineWaiters.push(waiter);
      this.exit.then(() => check());
      check();
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it is gone. */
  async stop(graceMs = 5000) {
    if (this.exited) return this.exited;
    try {
      this.proc.kill('SIGTERM');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        this.proc.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, graceMs);
    const result = await this.exit;
    clearTimeout(timer);
    return result;
  }
}

// Lints the server's OpenAPI document with redocly's recommended rules
// (web/redocly.yaml says which are switched off, and why). The document's path
// comes from env HELPDESK_OPENAPI, as for scripts/gen-api.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..');
const input = path.resolve(webDir, process.env.HELPDESK_OPENAPI || '../build-dev/web/openapi.json');
const redocly = path.join(webDir, 'node_modules', '.bin', 'redocly');

if (!fs.existsSync(input)) {
  console.error(`lint:api: no OpenAPI document at ${input}.`);
  console.error('Write one with `helpdesk-server openapi > openapi.json` and point HELPDESK_OPENAPI at it.');
  process.exit(1);
}

const result = spawnSync(redocly, ['lint', '--config', path.join(webDir, 'redocly.yaml'), input], {
  stdio: 'inherit',
  // No usage reports and no update check: the lint must not reach the network.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.exit(result.status ?? 1);

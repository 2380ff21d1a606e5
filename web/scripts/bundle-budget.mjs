// Fails the build when the JavaScript the sign-in page loads is over budget.
// That is the entry chunk and everything it imports statically (from Vite's
// manifest), gzipped; lazily loaded pages (the dashboard's Chart.js) do not count.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_BYTES = 200 * 1024;

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(webDir, process.env.HELPDESK_WEB_OUT || 'dist');
const manifestPath = path.join(outDir, '.vite', 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`bundle-budget: no Vite manifest at ${manifestPath} (build with build.manifest).`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('bundle-budget: the manifest names no entry chunk.');
  process.exit(1);
}

// The entry chunks and their static imports, each file once.
const files = new Set();
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return;
  if (chunk.file.endsWith('.js')) files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key] of entries) visit(key);

let raw = 0;
let gzip = 0;
const rows = [];
for (const file of [...files].sort()) {
  const bytes = fs.readFileSync(path.join(outDir, file));
  const zipped = zlib.gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  rows.push(`  ${file}  ${(bytes.length / 1024).toFixed(1)} KiB, gzip ${(zipped / 1024).toFixed(1)} KiB`);
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log('bundle-budget: JavaScript loaded by the sign-in page:');
for (const row of rows) console.log(row);
console.log(`bundle-budget: total ${kib(raw)}, gzip ${kib(gzip)} (budget ${kib(BUDGET_BYTES)} gzip)`);
if (gzip > BUDGET_BYTES) {
  console.error(`bundle-budget: FAILED: ${kib(gzip)} gzip is over the ${kib(BUDGET_BYTES)} budget.`);
  process.exit(1);
}

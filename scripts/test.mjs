#!/usr/bin/env node
// `npm test`: every tier in one Vitest run. Tiers that cannot run here say so loudly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const resultsFile = path.join(root, '.vitest-results.json');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
const skipped = [];
if (!process.env.MINHU_TEST_PG_URL)
  skipped.push('SKIPPED: postgres tier — set MINHU_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/postgres to run it');
if (!chromium) skipped.push('SKIPPED: browser tier — install Chromium (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH');
for (const line of skipped) console.log(`\n${'!'.repeat(8)} ${line}\n`);
if (skipped.length && process.env.MINHU_REQUIRE_ALL_TIERS) {
  console.log('MINHU_REQUIRE_ALL_TIERS is set: every tier must run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

// The browser tier serves the built web app: build it when it is missing or stale.
if (chromium) {
  const index = path.join(root, 'dist/web/index.html');
  const stale = !fs.existsSync(index) || newestMtime(path.join(root, 'web')) > fs.statSync(index).mtimeMs;
  if (stale) {
    console.log('building the web app for the browser tier…');
    const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
}

fs.rmSync(resultsFile, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env });

let passed = 0;
let failed = 0;
let skippedTests = 0;
if (fs.existsSync(resultsFile)) {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
  skippedTests = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else if (run.status !== 0) {
  failed = 1;
}
for (const line of skipped) console.log(line);
console.log(`${passed} passed, ${failed} failed, ${skippedTests} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);

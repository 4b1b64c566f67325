#!/usr/bin/env node
// The `minhu` command: runs the compiled CLI (npm run build makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/cli/minhu.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('minhu: the server is not built yet — run `npm run build` (npm ci does it) first.');
  process.exit(1);
}
await import(pathToFileURL(compiled).href);

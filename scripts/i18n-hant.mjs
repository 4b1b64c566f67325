#!/usr/bin/env node
// `npm run i18n:hant`: writes web/src/i18n/zh-TW.ts (Traditional Chinese) from zh-CN.ts with
// OpenCC. Run it after adding or changing keys in zh-CN.ts; a unit test fails while it is stale.
// Runs under tsx (it imports the TypeScript sources).
import fs from 'node:fs';
import path from 'node:path';
import zhCN from '../web/src/i18n/zh-CN.ts';
import { renderZhTW } from '../web/src/i18n/hant.ts';

const target = path.resolve(import.meta.dirname, '../web/src/i18n/zh-TW.ts');
const source = renderZhTW(zhCN);
const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
if (before === source) console.log('web/src/i18n/zh-TW.ts is up to date');
else {
  fs.writeFileSync(target, source);
  console.log('wrote web/src/i18n/zh-TW.ts');
}

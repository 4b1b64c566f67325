import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.js';
import { renderZhTW } from './hant.js';
import zhCN from './zh-CN.js';
import zhTW from './zh-TW.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('interface text', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);
  const hant = leaves(zhTW);

  it('has the same keys in Chinese and English', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('has the same keys in Simplified and Traditional Chinese', () => {
    expect([...hant.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('has zh-TW.ts generated from the current zh-CN.ts (run `npm run i18n:hant` when this fails)', () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, 'zh-TW.ts'), 'utf8');
    expect(file === renderZhTW(zhCN), 'web/src/i18n/zh-TW.ts is stale: run `npm run i18n:hant`').toBe(true);
  });

  it('has no empty strings', () => {
    for (const [key, value] of [...zh, ...english, ...hant]) expect(value.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, value] of zh) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(value));
      expect(placeholders(hant.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('puts no markup in the text', () => {
    for (const [key, value] of [...zh, ...english, ...hant]) expect(value, key).not.toMatch(/<[a-z/!]/i);
  });
});

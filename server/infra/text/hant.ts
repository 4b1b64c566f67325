import { createRequire } from 'node:module';
import { LRUCache } from 'lru-cache';

const require = createRequire(import.meta.url);

type Converter = (s: string) => string;
let toTraditional: Converter | null = null;

// Messages repeat (catalogue titles, field messages): convert each once.
const cache = new LRUCache<string, string>({ max: 2000 });

/**
 * Simplified Chinese text in Traditional characters with Taiwan phrasing (OpenCC cn → twp),
 * for people whose browser asks for zh-TW, zh-HK, zh-MO or zh-Hant.
 */
export function hant(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  toTraditional ??= (require('opencc-js') as { Converter(o: { from: string; to: string }): Converter }).Converter({ from: 'cn', to: 'twp' });
  const out = toTraditional(text);
  if (text.length <= 2000) cache.set(text, out);
  return out;
}

/** Whether an Accept-Language header prefers Traditional Chinese (its first tag). */
export function prefersTraditional(acceptLanguage: string | undefined): boolean {
  if (!acceptLanguage) return false;
  const first = acceptLanguage.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^zh-(tw|hk|mo|hant)\b/.test(first);
}

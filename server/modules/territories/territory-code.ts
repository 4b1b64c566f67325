import type { TerritoryLevel } from './territories.table.js';

/** Length of the short code at each level (GB/T 2260 for the first three, NBS below). */
export const CODE_LENGTH: Record<TerritoryLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 };
export const LEVELS: readonly TerritoryLevel[] = ['province', 'city', 'county', 'town', 'village'];
const LEVEL_BY_LENGTH = new Map<number, TerritoryLevel>(LEVELS.map((l) => [CODE_LENGTH[l], l]));

/** The level a short code belongs to, or undefined when the length fits none. */
export function levelOfCode(code: string): TerritoryLevel | undefined {
  return /^\d+$/.test(code) ? LEVEL_BY_LENGTH.get(code.length) : undefined;
}

/** The 12-digit statistical code (统计用区划代码) of a short code. */
export function statCodeOf(code: string): string {
  return code.padEnd(12, '0');
}

/** The parent's short code implied by the code's structure, or null for a province. */
export function parentCodeOf(code: string): string | null {
  const i = LEVELS.indexOf(levelOfCode(code) as TerritoryLevel);
  return i > 0 ? code.slice(0, CODE_LENGTH[LEVELS[i - 1] as TerritoryLevel]) : null;
}

/**
 * Accepts a short code or a 12-digit statistical code and returns the short code: the
 * 12-digit form of Xihu (330106000000) becomes 330106.
 */
export function normalizeCode(input: string): string | undefined {
  const code = input.trim();
  if (!/^\d{2,12}$/.test(code)) return undefined;
  if (code.length !== 12) return levelOfCode(code) ? code : undefined;
  let c = code;
  if (c.endsWith('000')) c = c.slice(0, 9);
  if (c.length === 9 && c.endsWith('000')) c = c.slice(0, 6);
  if (c.length === 6 && c.endsWith('00')) c = c.slice(0, 4);
  if (c.length === 4 && c.endsWith('00')) c = c.slice(0, 2);
  return c;
}

/** Every ancestor's short code, province first. */
export function ancestorCodesOf(code: string): string[] {
  const out: string[] = [];
  for (let p = parentCodeOf(code); p; p = parentCodeOf(p)) out.unshift(p);
  return out;
}

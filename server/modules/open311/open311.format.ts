import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

/** Splits `name.json` / `name.xml` into the name and the format. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1] as string, format: m[2] as Format } : null;
}

/** GeoReport v2 datetimes: ISO 8601 in UTC without fractions, 2026-11-29T04:42:00Z. */
export function open311Date(iso: string | null): string | null {
  return iso ? `${iso.slice(0, 19)}Z` : null;
}

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false, processEntities: true });

/**
 * Renders a GeoReport list as XML: `<services><service>…</service></services>`. Values are
 * escaped text; nulls become empty elements, nested lists repeat their item element.
 */
export function toXml(root: string, item: string | null, value: unknown): string {
  const body = item ? { [root]: { [item]: value } } : { [root]: value };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(clean(body)) as string}`;
}

function clean(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(clean);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, clean(x)]));
  return v;
}

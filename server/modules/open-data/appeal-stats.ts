/**
 * Appeal statistics for open data: counts only, per month × town × top-level category × state
 * bucket. A cell with fewer than SUPPRESS_BELOW appeals is published without its number
 * (count null, suppressed true), so a single resident's appeal cannot be picked out.
 */

export const SUPPRESS_BELOW = 3;

export type StateBucket = 'open' | 'answered' | 'closed';

/** Which bucket an appeal state falls in (merged duplicates are not counted at all). */
export function bucketOf(state: string): StateBucket | null {
  if (state === 'merged') return null;
  if (state === 'closed' || state === 'archived') return 'closed';
  if (state === 'awaiting_feedback' || state === 'rated') return 'answered';
  return 'open';
}

export interface CountRow {
  month: string;
  town: string;
  category_id: string;
  state: string;
  n: number;
}
export interface CategoryRow {
  id: string;
  parent_id: string | null;
  code: string;
  name_zh: string;
  name_en: string;
}
export interface StatCell {
  month: string;
  townCode: string;
  townName: string | null;
  categoryCode: string;
  category: string;
  categoryEn: string;
  stateBucket: StateBucket;
  count: number | null;
  suppressed: boolean;
}

/** The top-level ancestor of every category (a tree at most three levels deep, but any depth works). */
export function topLevelOf(categories: CategoryRow[]): Map<string, CategoryRow> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const out = new Map<string, CategoryRow>();
  for (const c of categories) {
    let top = c;
    for (let i = 0; i < 10 && top.parent_id && byId.has(top.parent_id); i++) top = byId.get(top.parent_id) as CategoryRow;
    out.set(c.id, top);
  }
  return out;
}

/** Sums the raw counts into cells and suppresses the small ones; sorted by month, town, category, bucket. */
export function aggregateAppealStats(rows: CountRow[], categories: CategoryRow[], townNames: Map<string, string>): StatCell[] {
  const top = topLevelOf(categories);
  const cells = new Map<string, StatCell & { n: number }>();
  for (const r of rows) {
    const bucket = bucketOf(r.state);
    const cat = top.get(r.category_id);
    if (!bucket || !cat) continue;
    const key = `${r.month}|${r.town}|${cat.code}|${bucket}`;
    const cell = cells.get(key) ?? {
      month: r.month,
      townCode: r.town,
      townName: townNames.get(r.town) ?? null,
      categoryCode: cat.code,
      category: cat.name_zh,
      categoryEn: cat.name_en,
      stateBucket: bucket,
      count: null,
      suppressed: false,
      n: 0,
    };
    cell.n += r.n;
    cells.set(key, cell);
  }
  const order: StateBucket[] = ['open', 'answered', 'closed'];
  return [...cells.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.townCode.localeCompare(b.townCode) || a.categoryCode.localeCompare(b.categoryCode) || order.indexOf(a.stateBucket) - order.indexOf(b.stateBucket))
    .map(({ n, ...c }) => ({ ...c, count: n < SUPPRESS_BELOW ? null : n, suppressed: n < SUPPRESS_BELOW }));
}

import type { AdminCategory } from '../../api/types.js';

/** The server's limit (大类 / 小类 / 细类); the UI only offers what the server would accept. */
export const MAX_DEPTH = 3;

export interface CategoryNode extends AdminCategory {
  key: string;
  depth: number;
  children?: CategoryNode[];
}

/** Rows for an antd tree table: siblings by sort order, leaves without `children`. */
export function buildTree(items: readonly AdminCategory[]): CategoryNode[] {
  const sorted = [...items].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  const grow = (parentId: string | null, depth: number): CategoryNode[] =>
    sorted
      .filter((c) => c.parentId === parentId)
      .map((c) => {
        const children = grow(c.id, depth + 1);
        return { ...c, key: c.id, depth, ...(children.length ? { children } : {}) };
      });
  return grow(null, 1);
}

export function depthOf(items: readonly AdminCategory[], id: string): number {
  const byId = new Map(items.map((c) => [c.id, c]));
  let depth = 0;
  for (let cur = byId.get(id); cur && depth <= items.length; cur = cur.parentId ? byId.get(cur.parentId) : undefined) depth++;
  return depth;
}

export function descendantIds(items: readonly AdminCategory[], id: string): Set<string> {
  const out = new Set<string>();
  let frontier = [id];
  while (frontier.length) {
    frontier = items.filter((c) => c.parentId !== null && frontier.includes(c.parentId) && !out.has(c.id)).map((c) => c.id);
    frontier.forEach((f) => out.add(f));
  }
  return out;
}

function heightOf(items: readonly AdminCategory[], id: string): number {
  return 1 + Math.max(0, ...items.filter((c) => c.parentId === id).map((c) => heightOf(items, c.id)));
}

/** "交通出行 / 公交线路" in the interface language. */
export function pathName(items: readonly AdminCategory[], id: string, name: (c: AdminCategory) => string): string {
  const byId = new Map(items.map((c) => [c.id, c]));
  const parts: string[] = [];
  for (let cur = byId.get(id); cur && parts.length <= items.length; cur = cur.parentId ? byId.get(cur.parentId) : undefined) parts.unshift(name(cur));
  return parts.join(' / ');
}

/** Where a category may move: not under itself or below, not deeper than allowed, an active one not under an inactive one. */
export function possibleParents(items: readonly AdminCategory[], moving: AdminCategory): AdminCategory[] {
  const below = descendantIds(items, moving.id);
  const height = heightOf(items, moving.id);
  return items.filter(
    (c) => c.id !== moving.id && !below.has(c.id) && depthOf(items, c.id) + height <= MAX_DEPTH && (c.active || !moving.active),
  );
}

/** Pure rules of the category tree (大类 / 小类 / 细类), checked by the commands that change it. */

/** Levels a category tree may have; the new-appeal form shows them as group › path. */
export const MAX_CATEGORY_DEPTH = 3;

export interface TreeNode {
  id: string;
  parent_id: string | null;
}

/** The level of a node (1 for a top-level category). */
export function depthOf(nodes: readonly TreeNode[], id: string): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let depth = 0;
  for (let cur = byId.get(id); cur; cur = cur.parent_id ? byId.get(cur.parent_id) : undefined) {
    depth++;
    if (depth > nodes.length) throw new Error('category tree has a cycle');
  }
  return depth;
}

/** Every descendant of a node, nearest first. */
export function descendantsOf(nodes: readonly TreeNode[], id: string): string[] {
  const out: string[] = [];
  let frontier = [id];
  while (frontier.length) {
    const next = nodes.filter((n) => n.parent_id !== null && frontier.includes(n.parent_id)).map((n) => n.id);
    out.push(...next);
    frontier = next;
    if (out.length > nodes.length) throw new Error('category tree has a cycle');
  }
  return out;
}

/** Levels below a node, counting itself (1 for a leaf). */
export function heightOf(nodes: readonly TreeNode[], id: string): number {
  const below = nodes.filter((n) => n.parent_id === id);
  return 1 + Math.max(0, ...below.map((n) => heightOf(nodes, n.id)));
}

export type PlacementProblem = 'cycle' | 'too_deep';

/** Whether `id` (with its subtree) may hang under `parentId`; null when it may. */
export function placementProblem(nodes: readonly TreeNode[], id: string, parentId: string | null): PlacementProblem | null {
  if (parentId === null) return heightOf(nodes, id) > MAX_CATEGORY_DEPTH ? 'too_deep' : null;
  if (parentId === id || descendantsOf(nodes, id).includes(parentId)) return 'cycle';
  return depthOf(nodes, parentId) + heightOf(nodes, id) > MAX_CATEGORY_DEPTH ? 'too_deep' : null;
}

import type { Category } from '../../api/types.js';

/**
 * The new-appeal form's category choices: one group per top-level category, holding its
 * sub-categories at any depth as "小类 / 细类" (a top-level category without any is its own choice).
 */
export function categoryOptions(all: readonly Category[], name: (c: Category) => string) {
  const byParent = (id: string | null) => all.filter((c) => c.parentId === id);
  const below = (c: Category, prefix: string): { value: string; label: string }[] =>
    byParent(c.id).flatMap((child) => {
      const label = prefix ? `${prefix} / ${name(child)}` : name(child);
      return [{ value: child.id, label }, ...below(child, label)];
    });
  return byParent(null).map((top) => {
    const options = below(top, '');
    return { label: name(top), title: name(top), options: options.length ? options : [{ value: top.id, label: name(top) }] };
  });
}

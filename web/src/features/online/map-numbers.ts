import type { OpinionMapView } from '../../api/types.js';

/** A share as a whole percentage (0 when nobody voted). */
export const percent = (n: number, of: number): number => (of > 0 ? Math.round((100 * n) / of) : 0);

/** The picture's own coordinate system (the SVG scales it to the screen). */
export const MAP_WIDTH = 320;
export const MAP_HEIGHT = 240;
const W = MAP_WIDTH;
const H = MAP_HEIGHT;
const PAD = 18;

/** The projection's coordinates fitted into the picture, y pointing up as in the computation. */
export function scaler(map: OpinionMapView): (x: number, y: number) => [number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of map.points) xs.push(x), ys.push(y);
  for (const g of map.groups) xs.push(g.centre.x), ys.push(g.centre.y);
  if (map.me) xs.push(map.me.x), ys.push(map.me.y);
  const minX = Math.min(...xs, 0);
  const maxX = Math.max(...xs, 0);
  const minY = Math.min(...ys, 0);
  const maxY = Math.max(...ys, 0);
  // One scale for both axes keeps distances true to the computation.
  const span = Math.max(maxX - minX, ((maxY - minY) * (W - 2 * PAD)) / (H - 2 * PAD), 1e-9);
  const k = (W - 2 * PAD) / span;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return (x, y) => [W / 2 + (x - cx) * k, H / 2 - (y - cy) * k];
}

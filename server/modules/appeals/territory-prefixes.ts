/** The codes of a territory and all its ancestors (2, 4, 6, 9, 12 digits), for scope matching. */
export function ancestorCodes(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

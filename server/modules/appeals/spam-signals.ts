/**
 * Signs that an appeal's text is spam rather than a resident's concern. Pure. A flagged appeal
 * is still registered, numbered and dispatched like any other — nothing is ever dropped —
 * and staff see the flag and its reasons beside it (`moderation` in the appeal's answer).
 */
export type SpamReason = 'link_flood' | 'repeated_text' | 'placeholder';

export const SPAM_REASONS: readonly SpamReason[] = ['link_flood', 'repeated_text', 'placeholder'];

/** Web addresses, bare domains with a path or a common top-level domain, and markup links. */
const LINK = /(?:https?:\/\/|www\.)[^\s<>"'，。]+|<a\s[^>]*href|\b[a-z0-9-]+\.(?:com|net|org|cn|top|xyz|vip|cc|info|biz|club|site|online)(?:\/[^\s]*)?\b/gi;

/**
 * Template slots a keyword-stuffing tool left unfilled, and the labels such spam carries:
 * {关键词}, {{keyword}}, [关键词], %KEYWORD%, 【外链】, <蜘蛛词>, #keyword#.
 */
const PLACEHOLDER =
  /\{\{?\s*(?:关键词|關鍵詞|关键字|keyword|keywords|kw|标题|title|链接|link|url)\s*\}?\}|\[\s*(?:关键词|關鍵詞|keyword)\s*\]|%(?:KEYWORD|KEYWORDS|TITLE|LINK)%|#(?:keyword|关键词)#|【\s*(?:外链|外鏈|收录|蜘蛛池|SEO|seo)\s*】|<\s*(?:蜘蛛词|蜘蛛池|关键词)\s*>|蜘蛛池|快速收录|(?:SEO|seo)\s*(?:外链|优化排名)/;

/** Links that make a description an advertisement: three or more, or any in a text that is mostly links. */
function linkFlood(text: string): boolean {
  const links = text.match(LINK) ?? [];
  if (links.length >= 3) return true;
  const linkChars = links.reduce((n, l) => n + l.length, 0);
  return links.length >= 1 && linkChars / Math.max(1, text.replace(/\s/g, '').length) > 0.5;
}

/**
 * The same phrase over and over: a piece of 2–20 characters repeated at least five times and
 * making up more than half of a text of at least 24 characters; or very few distinct characters.
 */
function repeated(text: string): boolean {
  // Repetition shows in the first thousand characters; looking further only costs intake time.
  const s = text.replace(/\s+/g, '').slice(0, 1000);
  if (s.length < 24) return false;
  if (new Set(s).size <= 3) return true;
  for (let len = 2; len <= 20; len++) {
    // Overlapping counts bound the real (non-overlapping) ones: check only a piece that could pass.
    const need = Math.max(5, Math.floor(s.length / 2 / len) + 1);
    const counts = new Map<string, number>();
    for (let i = 0; i + len <= s.length; i++) {
      const piece = s.slice(i, i + len);
      const c = (counts.get(piece) ?? 0) + 1;
      counts.set(piece, c);
      if (c === need && s.split(piece).length - 1 >= need) return true;
    }
  }
  return false;
}

/** The reasons a text looks like spam, in a fixed order; empty when it looks like a concern. */
export function spamSignals(...texts: (string | null | undefined)[]): SpamReason[] {
  const text = texts.filter(Boolean).join('\n');
  const reasons: SpamReason[] = [];
  if (linkFlood(text)) reasons.push('link_flood');
  if (repeated(text)) reasons.push('repeated_text');
  if (PLACEHOLDER.test(text)) reasons.push('placeholder');
  return reasons;
}

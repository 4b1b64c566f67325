/**
 * Public pages as plain semantic HTML, one pure function per page: data in, escaped markup out.
 * Served inside index.html's #root so the content is there without JavaScript (and for search
 * engines); the React app replaces it when it starts.
 */
import { html, paragraphs, safeHref, type Html } from './html.js';
import type { PageLang } from './shell.js';

export interface Page {
  title: string;
  description: string;
  body: Html;
}

const ZH = {
  brand: '民呼',
  nav: '公开页面导航',
  home: '首页',
  showcase: '成果展示',
  search: '搜索',
  openData: '开放数据',
  venues: '议事场所',
  dashboard: '数据看板',
  report: '我要反映',
  intro: '民呼我为·协商为民：群众反映诉求，委员和基层一起协商，办理结果全程公开。',
  latest: '最新成果',
  more: '查看全部成果',
  none: '暂无内容',
  total: (n: number) => `共 ${n} 项`,
  published: '发布于',
  town: '地区',
  chain: '从诉求到结果',
  steps: { concern: '群众诉求', topic: '协商议题', event: '协商活动', suggestion: '意见建议', reply: '答复', implementation: '落实', rating: '评价' } as Record<string, string>,
  q: '搜索关键词',
  submit: '搜索',
  results: (n: number, q: string) => `“${q}”的搜索结果：${n} 条`,
  kinds: { showcase: '成果展示', topic: '协商议题', event: '协商活动', suggestion: '意见建议', venue: '议事场所' } as Record<string, string>,
  licence: '许可协议',
  dataset: '数据集',
  rows: '记录数',
  updated: '更新时间',
  download: '下载',
  fields: '字段',
  address: '地址',
  members: '驻站委员',
  kindVenue: { hall: '民生议事堂', station: '协商驿站', studio: '委员工作室' } as Record<string, string>,
  startsAt: '时间',
  venue: '地点',
  agenda: '议程',
  announcement: '活动公告',
  decision: '研究结果',
  decisions: { adopted: '采纳', partly_adopted: '部分采纳', not_adopted: '不予采纳', reference: '留作参考' } as Record<string, string>,
  units: '承办单位',
  replies: '答复',
  progress: '落实进度',
  results2: '协商成果',
  rollup: '汇总',
  figure: '指标',
  value: '数值',
  prev: '上一页',
  next: '下一页',
  members2: '提出的委员',
};
type Labels = typeof ZH;
const EN: Labels = {
  brand: 'Minhu',
  nav: 'Public pages',
  home: 'Home',
  showcase: 'Showcase',
  search: 'Search',
  openData: 'Open data',
  venues: 'Venues',
  dashboard: 'Dashboard',
  report: 'Report a concern',
  intro: 'Residents raise concerns, members and communities consult on them, and every result is public.',
  latest: 'Latest results',
  more: 'All results',
  none: 'Nothing here yet',
  total: (n) => `${n} in all`,
  published: 'Published',
  town: 'Area',
  chain: 'From concern to result',
  steps: { concern: 'Concern', topic: 'Topic', event: 'Consultation', suggestion: 'Suggestion', reply: 'Reply', implementation: 'Implementation', rating: 'Rating' },
  q: 'Search words',
  submit: 'Search',
  results: (n, q) => `${n} results for “${q}”`,
  kinds: { showcase: 'Showcase', topic: 'Topics', event: 'Events', suggestion: 'Suggestions', venue: 'Venues' },
  licence: 'Licence',
  dataset: 'Dataset',
  rows: 'Rows',
  updated: 'Updated',
  download: 'Download',
  fields: 'Fields',
  address: 'Address',
  members: 'Members serving here',
  kindVenue: { hall: 'Deliberation hall', station: 'Consultation station', studio: 'Member studio' },
  startsAt: 'Time',
  venue: 'Venue',
  agenda: 'Agenda',
  announcement: 'Announcement',
  decision: 'Decision',
  decisions: { adopted: 'Adopted', partly_adopted: 'Partly adopted', not_adopted: 'Not adopted', reference: 'For reference' },
  units: 'Units',
  replies: 'Replies',
  progress: 'Progress',
  results2: 'Results',
  rollup: 'Summary',
  figure: 'Figure',
  value: 'Value',
  prev: 'Previous page',
  next: 'Next page',
  members2: 'Members who raised it',
};

export const labelsOf = (lang: PageLang): Labels => (lang === 'en' ? EN : ZH);

/** A date-time as China local time text (YYYY-MM-DD HH:mm), the same for everyone. */
export function chinaTime(iso: string | null | undefined, withTime = true): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t + 8 * 3600_000).toISOString();
  return withTime ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : s.slice(0, 10);
}

const time = (iso: string | null | undefined, withTime = true) => (iso ? html`<time datetime="${iso}">${chinaTime(iso, withTime)}</time>` : html``);

/** Header navigation and footer around every page's content. */
export function frame(lang: PageLang, main: Html): Html {
  const l = labelsOf(lang);
  const links: [string, string][] = [
    ['/', l.home],
    ['/report', l.report],
    ['/venues', l.venues],
    ['/dashboard', l.dashboard],
    ['/showcase', l.showcase],
    ['/search', l.search],
    ['/open-data', l.openData],
  ];
  return html`<header class="mh-ssr-header"><a href="/">${l.brand}</a><nav aria-label="${l.nav}"><ul>${links.map(([href, text]) => html`<li><a href="${href}">${text}</a></li>`)}</ul></nav></header><main id="main">${main}</main><footer><p>民呼 Minhu</p></footer>`;
}

export interface SummaryItem {
  id: string;
  title: string;
  summary: string;
  townName: string | null;
  publishedAt: string;
  photo: string | null;
  href: string;
}

function showcaseCards(lang: PageLang, items: SummaryItem[]): Html {
  const l = labelsOf(lang);
  if (!items.length) return html`<p>${l.none}</p>`;
  return html`<ul class="mh-ssr-cards">${items.map(
    (i) =>
      html`<li><article><h3><a href="${safeHref(i.href)}">${i.title}</a></h3><p>${i.summary}</p><p>${i.townName ? html`${l.town}：${i.townName} · ` : ''}${l.published} ${time(i.publishedAt, false)}</p></article></li>`,
  )}</ul>`;
}

export function homePage(lang: PageLang, latest: SummaryItem[]): Page {
  const l = labelsOf(lang);
  return {
    title: l.home,
    description: l.intro,
    body: frame(
      lang,
      html`<h1>${l.brand}</h1><p>${l.intro}</p><section><h2>${l.latest}</h2>${showcaseCards(lang, latest)}<p><a href="/showcase">${l.more}</a></p></section><section><h2>${l.openData}</h2><ul><li><a href="/search">${l.search}</a></li><li><a href="/open-data">${l.openData}</a></li><li><a href="/venues">${l.venues}</a></li><li><a href="/dashboard">${l.dashboard}</a></li></ul></section>`,
    ),
  };
}

function pager(lang: PageLang, base: string, page: number, pageSize: number, total: number): Html {
  const l = labelsOf(lang);
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return html``;
  const join = base.includes('?') ? '&' : '?';
  return html`<nav aria-label="pages"><ul>${page > 1 ? html`<li><a href="${`${base}${join}page=${page - 1}`}">${l.prev}</a></li>` : ''}${page < last ? html`<li><a href="${`${base}${join}page=${page + 1}`}">${l.next}</a></li>` : ''}</ul></nav>`;
}

export function showcaseListPage(lang: PageLang, data: { total: number; page: number; pageSize: number; items: SummaryItem[] }): Page {
  const l = labelsOf(lang);
  return {
    title: l.showcase,
    description: data.items.map((i) => i.title).slice(0, 5).join(' · ') || l.showcase,
    body: frame(lang, html`<h1>${l.showcase}</h1><p>${l.total(data.total)}</p>${showcaseCards(lang, data.items)}${pager(lang, '/showcase', data.page, data.pageSize, data.total)}`),
  };
}

export interface ChainStepData {
  step: string;
  title: string;
  text: string | null;
  at: string | null;
  href: string | null;
  photos: string[];
}

export function showcaseDetailPage(lang: PageLang, d: SummaryItem & { chain: ChainStepData[] }): Page {
  const l = labelsOf(lang);
  return {
    title: d.title,
    description: d.summary,
    body: frame(
      lang,
      html`<article><h1>${d.title}</h1><p>${d.townName ? html`${l.town}：${d.townName} · ` : ''}${l.published} ${time(d.publishedAt, false)}</p>${paragraphs(d.summary)}<h2>${l.chain}</h2><ol class="mh-ssr-chain">${d.chain.map(
        (s) =>
          html`<li data-step="${s.step}"><h3>${l.steps[s.step] ?? s.step}</h3><p>${s.href ? html`<a href="${safeHref(s.href)}">${s.title}</a>` : s.title}</p>${paragraphs(s.text)}${s.at ? html`<p>${time(s.at)}</p>` : ''}${s.photos.map((p, i) => html`<img src="${safeHref(p)}" alt="${`${l.steps[s.step] ?? s.step} ${i + 1}`}" loading="lazy" width="320" />`)}</li>`,
      )}</ol><p><a href="/showcase">${l.showcase}</a></p></article>`,
    ),
  };
}

export interface SearchData {
  q: string;
  kind: string | null;
  total: number;
  page: number;
  pageSize: number;
  counts: Record<string, number>;
  items: { kind: string; id: string; title: string; snippet: string; townName: string | null; href: string | null; updatedAt: string }[];
}

export function searchPage(lang: PageLang, data: SearchData | null, q: string): Page {
  const l = labelsOf(lang);
  const form = html`<form role="search" method="get" action="/search"><label for="mh-ssr-q">${l.q}</label> <input id="mh-ssr-q" type="search" name="q" value="${q}" maxlength="50" /> <button type="submit">${l.submit}</button></form>`;
  if (!data) return { title: l.search, description: l.search, body: frame(lang, html`<h1>${l.search}</h1>${form}`) };
  const groups = Object.keys(l.kinds).filter((k) => data.items.some((i) => i.kind === k));
  return {
    title: `${q} · ${l.search}`,
    description: l.results(data.total, q),
    body: frame(
      lang,
      html`<h1>${l.search}</h1>${form}<p>${l.results(data.total, q)}</p><ul>${Object.entries(data.counts).map(([k, n]) => html`<li><a href="${`/search?q=${encodeURIComponent(q)}&kind=${k}`}">${l.kinds[k] ?? k}</a> ${n}</li>`)}</ul>${groups.map(
        (k) =>
          html`<section><h2>${l.kinds[k] ?? k}</h2><ul>${data.items
            .filter((i) => i.kind === k)
            .map((i) => html`<li><h3>${i.href ? html`<a href="${safeHref(i.href)}">${i.title}</a>` : i.title}</h3><p>${i.snippet}</p>${i.townName ? html`<p>${i.townName}</p>` : ''}</li>`)}</ul></section>`,
      )}${pager(lang, `/search?q=${encodeURIComponent(q)}${data.kind ? `&kind=${data.kind}` : ''}`, data.page, data.pageSize, data.total)}`,
    ),
  };
}

export interface CatalogueData {
  licence: { name: string; url: string };
  datasets: { id: string; title: { zh: string; en: string }; description: { zh: string; en: string }; fields: { name: string; type: string; description: { zh: string; en: string } }[]; downloads: { csv: string; json: string }; rowCount: number; updatedAt: string | null }[];
}

export function openDataPage(lang: PageLang, data: CatalogueData): Page {
  const l = labelsOf(lang);
  const pick = (t: { zh: string; en: string }) => (lang === 'en' ? t.en : t.zh);
  return {
    title: l.openData,
    description: data.datasets.map((d) => pick(d.title)).join(' · '),
    body: frame(
      lang,
      html`<h1>${l.openData}</h1><p>${l.licence}：<a href="${data.licence.url}" rel="license">${data.licence.name}</a></p><table><caption>${l.openData}</caption><thead><tr><th scope="col">${l.dataset}</th><th scope="col">${l.rows}</th><th scope="col">${l.updated}</th><th scope="col">${l.download}</th></tr></thead><tbody>${data.datasets.map(
        (d) =>
          html`<tr><th scope="row">${pick(d.title)}<p>${pick(d.description)}</p><details><summary>${l.fields}</summary><ul>${d.fields.map((f) => html`<li><code>${f.name}</code> (${f.type})：${pick(f.description)}</li>`)}</ul></details></th><td>${d.rowCount}</td><td>${time(d.updatedAt)}</td><td><a href="${safeHref(d.downloads.csv)}">CSV</a> · <a href="${safeHref(d.downloads.json)}">JSON</a></td></tr>`,
      )}</tbody></table>`,
    ),
  };
}

export interface VenueData {
  id: string;
  kind: string;
  name: string;
  territoryName: string | null;
  address: string;
}

export function venuesPage(lang: PageLang, items: VenueData[]): Page {
  const l = labelsOf(lang);
  return {
    title: l.venues,
    description: items.map((v) => v.name).slice(0, 8).join(' · ') || l.venues,
    body: frame(
      lang,
      html`<h1>${l.venues}</h1>${items.length ? html`<ul>${items.map((v) => html`<li><h2><a href="${`/venues/${encodeURIComponent(v.id)}`}">${v.name}</a></h2><p>${l.kindVenue[v.kind] ?? v.kind}${v.territoryName ? html` · ${v.territoryName}` : ''}</p><p>${l.address}：${v.address}</p></li>`)}</ul>` : html`<p>${l.none}</p>`}`,
    ),
  };
}

export function venuePage(lang: PageLang, v: VenueData & { head: string | null; members: { name: string; sector: string | null }[] }): Page {
  const l = labelsOf(lang);
  return {
    title: v.name,
    description: `${l.kindVenue[v.kind] ?? v.kind} · ${v.address}`,
    body: frame(
      lang,
      html`<article><h1>${v.name}</h1><p>${l.kindVenue[v.kind] ?? v.kind}${v.territoryName ? html` · ${v.territoryName}` : ''}</p><p>${l.address}：${v.address}</p>${v.members.length ? html`<h2>${l.members}</h2><ul>${v.members.map((m) => html`<li>${m.name}${m.sector ? html` · ${m.sector}` : ''}</li>`)}</ul>` : ''}<p><a href="/venues">${l.venues}</a></p></article>`,
    ),
  };
}

export interface EventData {
  id: string;
  title: string;
  summary: string;
  venueName: string | null;
  venueAddress: string | null;
  startsAt: string;
  announcement: { title: string; body: string } | null;
  agenda: { title: string; speaker: string | null }[];
}

export function eventPage(lang: PageLang, e: EventData): Page {
  const l = labelsOf(lang);
  return {
    title: e.title,
    description: e.summary || e.title,
    body: frame(
      lang,
      html`<article><h1>${e.title}</h1><dl><dt>${l.startsAt}</dt><dd>${time(e.startsAt)}</dd>${e.venueName ? html`<dt>${l.venue}</dt><dd>${e.venueName}${e.venueAddress ? html`（${e.venueAddress}）` : ''}</dd>` : ''}</dl>${paragraphs(e.summary)}${e.announcement ? html`<section><h2>${l.announcement}</h2><h3>${e.announcement.title}</h3>${paragraphs(e.announcement.body)}</section>` : ''}${e.agenda.length ? html`<section><h2>${l.agenda}</h2><ol>${e.agenda.map((a) => html`<li>${a.title}${a.speaker ? html` · ${a.speaker}` : ''}</li>`)}</ol></section>` : ''}<p><a href="${`/consultations/${encodeURIComponent(e.id)}/results`}">${l.results2}</a></p></article>`,
    ),
  };
}

export interface SuggestionData {
  id: string;
  event: { id: string; title: string; startsAt: string };
  seq: number;
  text: string;
  decision: string | null;
  decisionReason: string | null;
  members: string[];
  units: { name: string; role: string }[];
  progress: number;
  replies: { grade: string; text: string; unit: string; at: string }[];
  milestones: { percent: number; milestone: string; onDate: string }[];
}

function suggestionBody(lang: PageLang, s: SuggestionData, level: 1 | 2): Html {
  const l = labelsOf(lang);
  const heading = level === 1 ? html`<h1>${s.text}</h1>` : html`<h2><a href="${`/suggestions/${encodeURIComponent(s.id)}`}">${s.seq}. ${s.text}</a></h2>`;
  return html`${heading}<dl>${s.decision ? html`<dt>${l.decision}</dt><dd>${l.decisions[s.decision] ?? s.decision}${s.decisionReason ? html`：${s.decisionReason}` : ''}</dd>` : ''}${s.members.length ? html`<dt>${l.members2}</dt><dd>${s.members.join('、')}</dd>` : ''}${s.units.length ? html`<dt>${l.units}</dt><dd>${s.units.map((u) => u.name).join('、')}</dd>` : ''}<dt>${l.progress}</dt><dd>${s.progress}%</dd></dl>${level === 1 && s.replies.length ? html`<h2>${l.replies}</h2><ol>${s.replies.map((r) => html`<li><p>${r.unit} · ${r.grade} · ${time(r.at, false)}</p>${paragraphs(r.text)}</li>`)}</ol>` : ''}${level === 1 && s.milestones.length ? html`<h2>${l.progress}</h2><ul>${s.milestones.map((m) => html`<li>${m.onDate} ${m.percent}% ${m.milestone}</li>`)}</ul>` : ''}`;
}

export function suggestionPage(lang: PageLang, s: SuggestionData): Page {
  return {
    title: s.text,
    description: `${s.event.title} · ${s.text}`,
    body: frame(lang, html`<article>${suggestionBody(lang, s, 1)}<p><a href="${`/consultations/${encodeURIComponent(s.event.id)}/results`}">${s.event.title}</a></p></article>`),
  };
}

export function resultsPage(lang: PageLang, data: { event: { id: string; title: string; startsAt: string }; items: SuggestionData[]; rollup: Record<string, number | null> }): Page {
  const l = labelsOf(lang);
  return {
    title: `${data.event.title} · ${l.results2}`,
    description: data.items.map((i) => i.text).slice(0, 3).join(' · ') || data.event.title,
    body: frame(
      lang,
      html`<h1>${data.event.title}</h1><p>${time(data.event.startsAt)}</p><table><caption>${l.rollup}</caption><thead><tr><th scope="col">${l.figure}</th><th scope="col">${l.value}</th></tr></thead><tbody>${Object.entries(data.rollup).map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v ?? '—'}</td></tr>`)}</tbody></table>${data.items.map((s) => html`<section>${suggestionBody(lang, s, 2)}</section>`)}`,
    ),
  };
}

export interface DashboardData {
  scope: { name: string };
  filters: { from: string; to: string };
  figures: { key: string; value: number | null; kind: string }[];
}

const FIGURES: Record<string, [string, string]> = {
  appeals: ['诉求件数', 'Appeals'],
  appeals_closed: ['办结件数', 'Appeals closed'],
  sign_on_time_rate: ['签收及时率', 'Signed on time'],
  completion_on_time_rate: ['按时办结率', 'Completed on time'],
  return_rate: ['回退率', 'Return rate'],
  reopen_rate: ['重办率', 'Reopen rate'],
  satisfaction_rate: ['满意率', 'Satisfaction rate'],
  resolution_rate: ['解决率', 'Resolution rate'],
  topics_filed: ['备案议题', 'Topics filed'],
  events: ['协商活动', 'Events'],
  events_completed: ['已完成活动', 'Events completed'],
  suggestions: ['意见建议', 'Suggestions'],
  adoption_rate: ['采纳率', 'Adoption rate'],
  implementation_rate: ['落实率', 'Implementation rate'],
};

export function dashboardPage(lang: PageLang, d: DashboardData): Page {
  const l = labelsOf(lang);
  const name = (key: string) => FIGURES[key]?.[lang === 'en' ? 1 : 0] ?? key;
  const fmt = (f: DashboardData['figures'][number]) => (f.value === null ? '—' : f.kind === 'rate' ? `${(f.value * 100).toFixed(1)}%` : String(f.value));
  return {
    title: `${l.dashboard} · ${d.scope.name}`,
    description: `${d.scope.name} ${d.filters.from}–${d.filters.to}`,
    body: frame(
      lang,
      html`<h1>${l.dashboard}</h1><p>${d.scope.name} · ${d.filters.from} – ${d.filters.to}</p><table><caption>${d.scope.name}</caption><thead><tr><th scope="col">${l.figure}</th><th scope="col">${l.value}</th></tr></thead><tbody>${d.figures.map((f) => html`<tr><th scope="row">${name(f.key)}</th><td>${fmt(f)}</td></tr>`)}</tbody></table>`,
    ),
  };
}

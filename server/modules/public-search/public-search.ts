import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../infra/db/schema.js';
import { PollingLoop } from '../../infra/polling-loop.js';
import { tokenize } from '../../infra/text/tokenize.js';
import {
  deleteDocs,
  docDigests,
  eventSources,
  recentSourceIds,
  showcaseSources,
  suggestionSources,
  topicSources,
  upsertDoc,
  venueSources,
  type SourceFilter,
} from './public-search.repository.js';
import type { PublicDocKind, PublicDocTable } from './public-search.table.js';

export const DOC_KINDS: PublicDocKind[] = ['showcase', 'topic', 'event', 'suggestion', 'venue'];

/** What a document says before tokens and digest are added; null when the record is not public. */
export interface DocText {
  title: string;
  text: string;
  territoryCode: string | null;
  updatedAt: string;
}

const SNIPPET = 160;
const clip = (s: string, n: number) => {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
};

/** The index row of a public record: bigrams of its folded title and text, a short snippet, a digest of both. */
export function docOf(kind: PublicDocKind, refId: string, d: DocText): Omit<PublicDocTable, 'seq'> {
  const tokens = [...new Set([...tokenize(d.title), ...tokenize(d.text)])].join(' ');
  const snippet = clip(d.text, SNIPPET);
  const title = clip(d.title, 120);
  const digest = createHash('sha1').update(JSON.stringify([title, snippet, tokens, d.territoryCode])).digest('hex');
  return { kind, ref_id: refId, title, snippet, tokens, territory_code: d.territoryCode, updated_at: d.updatedAt, digest };
}

/** Where a result links to on the public site (topics have no public page of their own). */
export function hrefOf(kind: PublicDocKind, id: string): string | null {
  switch (kind) {
    case 'showcase':
      return `/showcase/${id}`;
    case 'event':
      return `/events/${id}`;
    case 'suggestion':
      return `/suggestions/${id}`;
    case 'venue':
      return `/venues/${id}`;
    default:
      return null;
  }
}

type Reader = (db: Kysely<DB>, f: SourceFilter) => Promise<{ id: string; text: DocText | null }[]>;

/** Each kind's source rows and which of them are public (the same rules as the public pages). */
const READERS: Record<PublicDocKind, Reader> = {
  topic: async (db, f) =>
    (await topicSources(db, f)).map((t) => ({ id: t.id, text: t.state === 'filed' ? { title: t.title, text: t.description, territoryCode: t.territory_code, updatedAt: t.updated_at } : null })),
  event: async (db, f) =>
    (await eventSources(db, f)).map((e) => ({
      id: e.id,
      text: e.announced && e.state !== 'cancelled' ? { title: e.title, text: [e.venue_name, e.summary].filter(Boolean).join(' · '), territoryCode: e.territory_code, updatedAt: e.updated_at } : null,
    })),
  suggestion: async (db, f) =>
    (await suggestionSources(db, f)).map((s) => ({
      id: s.id,
      text: s.issued_at !== null && s.state !== 'merged' ? { title: s.text, text: s.event_title, territoryCode: s.territory_code, updatedAt: s.updated_at } : null,
    })),
  showcase: async (db, f) =>
    (await showcaseSources(db, f)).map((i) => ({ id: i.id, text: i.unpublished_at === null ? { title: i.title, text: i.summary, territoryCode: i.territory_code, updatedAt: i.updated_at } : null })),
  venue: async (db, f) =>
    (await venueSources(db, f)).map((v) => ({ id: v.id, text: v.public && v.active ? { title: v.name, text: v.address, territoryCode: v.territory_code, updatedAt: v.updated_at } : null })),
};

/** Records read per kind and round by the sweep that walks every source table. */
const SWEEP_PAGE = 500;
/** How far back the quick path looks for changed records (a commit may land after its timestamp). */
const RECENT_MS = 120_000;

/**
 * Keeps `public_doc` in step with what is public. Each round looks at records changed in the last
 * two minutes (edits, an issued list, an announcement, a publication) and at one page of every
 * source table (the sweep, which wraps around and catches anything else: a record that stopped
 * being public, a change older than the quick path). A document is rewritten only when its
 * digest differs and removed when its record is no longer public, so an idle round writes nothing.
 */
export class PublicSearchIndexer {
  private readonly loop: PollingLoop;
  private readonly cursors = new Map<PublicDocKind, string>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error' | 'debug'>,
  ) {
    this.loop = new PollingLoop('public search indexer', logger, () => this.runOnce());
  }

  /** One round; returns how many documents were written or removed. */
  async runOnce(now = Date.now()): Promise<number> {
    let changed = 0;
    const recent = await recentSourceIds(this.db, new Date(now - RECENT_MS).toISOString());
    for (const kind of DOC_KINDS) {
      if (recent[kind].length) changed += await this.reconcile(kind, await READERS[kind](this.db, { ids: recent[kind] }));
      const after = this.cursors.get(kind) ?? '';
      const page = await READERS[kind](this.db, { after, limit: SWEEP_PAGE });
      changed += await this.reconcile(kind, page);
      this.cursors.set(kind, page.length < SWEEP_PAGE ? '' : (page.at(-1) as { id: string }).id);
    }
    if (changed) this.logger.debug({ changed }, 'public search index updated');
    return changed;
  }

  /** Rounds until a whole sweep changed nothing: the index then matches the data (tests, start-up). */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let i = 0; i < 10_000; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0 && [...this.cursors.values()].every((c) => c === '')) return total;
    }
    return total;
  }

  private async reconcile(kind: PublicDocKind, rows: { id: string; text: DocText | null }[]): Promise<number> {
    if (!rows.length) return 0;
    const stored = await docDigests(this.db, kind, rows.map((r) => r.id));
    let changed = 0;
    const gone: string[] = [];
    for (const r of rows) {
      if (!r.text) {
        if (stored.has(r.id)) gone.push(r.id);
        continue;
      }
      const doc = docOf(kind, r.id, r.text);
      if (stored.get(r.id) === doc.digest) continue;
      await upsertDoc(this.db, doc);
      changed++;
    }
    await deleteDocs(this.db, kind, gone);
    return changed + gone.length;
  }

  start(everyMs: number): void {
    this.loop.start(everyMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';
import type { MapSnapshot } from './map-snapshot.js';
import { statementPriority } from './opinion-map/index.js';
import { findMap, findMapVersion, findOnline, findParticipantByToken, unseenStatements } from './online.repository.js';
import type { OnlineConsultationTable, OnlineParticipantTable } from './online.table.js';

export const onlineNotFound = () => new AppError('NOT_FOUND', { zh: '找不到该线上协商', en: 'No such online consultation' });
export const statementNotFound = () => new AppError('NOT_FOUND', { zh: '找不到该观点', en: 'No such statement' });

export async function getOnline(db: Kysely<DB>, id: string): Promise<OnlineConsultationTable> {
  const o = await findOnline(db, id);
  if (!o) throw onlineNotFound();
  return o;
}

export function requireOpen(o: OnlineConsultationTable): void {
  if (o.state !== 'open') throw new AppError('ONLINE_CLOSED');
}

/** A new participant token (sent once) and the hash that is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The salted hash that makes one phone or one device one participant in this consultation. */
export function identityHash(o: Pick<OnlineConsultationTable, 'id' | 'identity_salt'>, kind: 'phone' | 'device', value: string): string {
  return createHash('sha256').update(`${o.identity_salt}\n${o.id}\n${kind}\n${value}`).digest('hex');
}

/** The participant a request's token names in this consultation; 404 for an unknown consultation, else 401 when the token is missing or unknown. */
export async function participantOf(db: Kysely<DB>, onlineId: string, token: string | undefined): Promise<OnlineParticipantTable> {
  const p = token ? await findParticipantByToken(db, tokenHash(token)) : undefined;
  if (p && p.online_id === onlineId) return p;
  // Only a refused request pays for this lookup.
  if (!(await findOnline(db, onlineId))) throw onlineNotFound();
  throw new AppError('PARTICIPANT_REQUIRED');
}

/** Like participantOf, but a missing or foreign token is simply no one. */
export async function optionalParticipant(db: Kysely<DB>, onlineId: string, token: string | undefined): Promise<OnlineParticipantTable | null> {
  if (!token) return null;
  const p = await findParticipantByToken(db, tokenHash(token));
  return p && p.online_id === onlineId ? p : null;
}

interface CachedMap {
  version: number;
  computedAt: string;
  snapshot: MapSnapshot;
  extremity: Map<string, number>;
}

/**
 * Parsed maps per process, checked against the stored version on every read (one indexed
 * lookup), so a map of 10,000 participants is parsed once per version, not once per request.
 */
export class MapCache {
  private readonly maps = new Map<string, CachedMap>();
  constructor(private readonly max = 32) {}

  async get(db: Kysely<DB>, onlineId: string): Promise<CachedMap | null> {
    const version = await findMapVersion(db, onlineId);
    if (version === 0) return null;
    const hit = this.maps.get(onlineId);
    if (hit && hit.version === version) return hit;
    const row = await findMap(db, onlineId);
    if (!row) return null;
    const snapshot = JSON.parse(row.map_json) as MapSnapshot;
    const entry: CachedMap = { version: Number(row.version), computedAt: row.computed_at, snapshot, extremity: new Map(snapshot.statementIds.map((id, i) => [id, snapshot.extremity[i] ?? 0])) };
    this.maps.delete(onlineId);
    this.maps.set(onlineId, entry);
    if (this.maps.size > this.max) this.maps.delete(this.maps.keys().next().value as string);
    return entry;
  }
}

/**
 * The next statement for a participant: an accepted, non-meta statement they have not voted
 * on, drawn at random weighted by the reference method's priority from the current counts and
 * the stored map's extremity (0 for statements not yet in the map).
 */
export async function nextStatement(db: Kysely<DB>, cache: MapCache, onlineId: string, participantId: string, random = Math.random) {
  const [unseen, map] = await Promise.all([unseenStatements(db, onlineId, participantId), cache.get(db, onlineId)]);
  if (!unseen.length) return { statement: null, remaining: 0 };
  const weights = unseen.map((s) => statementPriority(s.agrees, s.passes, s.agrees + s.disagrees + s.passes, map?.extremity.get(s.id) ?? 0));
  const total = weights.reduce((a, b) => a + b, 0);
  let pick = unseen.length - 1;
  if (total > 0) {
    let r = random() * total;
    for (let i = 0; i < unseen.length; i++) {
      r -= weights[i] as number;
      if (r < 0) {
        pick = i;
        break;
      }
    }
  } else pick = Math.floor(random() * unseen.length);
  const s = unseen[pick]!;
  return { statement: { id: s.id, seq: s.seq, text: s.text }, remaining: unseen.length };
}

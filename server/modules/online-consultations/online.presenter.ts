/**
 * Every answer about online consultations is shaped here. No phone, device id, identity hash,
 * token or token hash is ever read into these shapes; participants are only counted, and the
 * map's points carry no ids.
 */
import type { z } from 'zod';
import type { MapSnapshot } from './map-snapshot.js';
import type { OnlineCounts } from './online.repository.js';
import type { mapSchema, organiserStatementSchema, organiserSummarySchema, publicDetailSchema, summarySchema } from './online.schemas.js';
import type { OnlineConsultationTable, OnlineStatementTable } from './online.table.js';

type Ref = { id: string; title: string } | null;
const NO_COUNTS: OnlineCounts = { participants: 0, statements: 0, votes: 0 };

export function presentSummary(o: OnlineConsultationTable, counts: OnlineCounts | undefined): z.infer<typeof summarySchema> {
  const c = counts ?? NO_COUNTS;
  return { id: o.id, title: o.title, state: o.state, eventId: o.consultation_id, topicId: o.topic_id, participants: c.participants, statements: c.statements };
}

export function presentPublicDetail(o: OnlineConsultationTable, counts: OnlineCounts | undefined, event: Ref, topic: Ref): z.infer<typeof publicDetailSchema> {
  const c = counts ?? NO_COUNTS;
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    identity: o.identity,
    moderation: o.moderation,
    state: o.state,
    participants: c.participants,
    statements: c.statements,
    votes: c.votes,
    event,
    topic,
  };
}

export function presentOrganiserSummary(o: OnlineConsultationTable, counts: OnlineCounts | undefined, event: Ref, topic: Ref): z.infer<typeof organiserSummarySchema> {
  return { ...presentPublicDetail(o, counts, event, topic), eventId: o.consultation_id, topicId: o.topic_id, createdAt: o.created_at, closedAt: o.closed_at, version: o.version };
}

export function presentStatement(s: OnlineStatementTable): z.infer<typeof organiserStatementSchema> {
  return {
    id: s.id,
    seq: s.seq,
    text: s.text,
    origin: s.origin,
    status: s.status,
    meta: s.meta === 1,
    votes: s.agrees + s.disagrees + s.passes,
    agree: s.agrees,
    disagree: s.disagrees,
    pass: s.passes,
    suggestionId: s.suggestion_id,
    createdAt: s.created_at,
  };
}

/** What an audit record keeps of a statement (its text as typed; no participant). */
export function auditStatement(s: OnlineStatementTable) {
  return { seq: s.seq, text: s.text, origin: s.origin, status: s.status, meta: s.meta === 1, suggestionId: s.suggestion_id };
}

export function auditOnline(o: OnlineConsultationTable) {
  return { title: o.title, consultationId: o.consultation_id, topicId: o.topic_id, identity: o.identity, moderation: o.moderation, state: o.state };
}

const percent = (n: number, of: number) => (of > 0 ? Math.round((100 * n) / of) : 0);
const LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

type PresentedMap = z.infer<typeof mapSchema>;

export const EMPTY_MAP: PresentedMap = {
  version: 0,
  computedAt: null,
  participants: 0,
  grouped: 0,
  votes: 0,
  groups: [],
  consensus: { agree: [], disagree: [] },
  statements: [],
  points: [],
  me: null,
};

/**
 * The map as the pages draw it: the stored snapshot joined with today's statements, so only
 * accepted ones appear (meta ones flagged) even when moderation happened after the recompute.
 * Counts and percentages are those of the snapshot's version; a statement accepted since has
 * its current counts and no position yet.
 */
export function presentMap(
  stored: { version: number; computedAt: string; snapshot: MapSnapshot } | null,
  statements: OnlineStatementTable[],
  participantId: string | null,
): PresentedMap {
  if (!stored) return EMPTY_MAP;
  const { snapshot: m } = stored;
  const accepted = new Map(statements.filter((s) => s.status === 'accepted').map((s) => [s.id, s]));
  const column = new Map(m.statementIds.map((id, i) => [id, i]));
  const base = (id: string) => {
    const s = accepted.get(id) as OnlineStatementTable;
    return { statementId: id, seq: s.seq, text: s.text };
  };
  const groups = m.groups.map((g, gi) => ({
    id: g.id,
    label: LABELS[gi % LABELS.length] as string,
    size: g.size,
    centre: { x: g.centre[0], y: g.centre[1] },
    representative: g.representative
      .filter((r) => accepted.has(r.statementId))
      .map((r) => {
        const i = column.get(r.statementId) as number;
        const votes = g.votes[i] ?? 0;
        return { ...base(r.statementId), direction: r.direction, agreePercent: percent(g.agrees[i] ?? 0, votes), disagreePercent: percent(g.disagrees[i] ?? 0, votes), votes };
      }),
  }));
  const everyone = (id: string) => {
    const i = column.get(id) as number;
    return { i, votes: m.statementVotes[i] ?? 0 };
  };
  return {
    version: stored.version,
    computedAt: stored.computedAt,
    participants: m.participants,
    grouped: m.grouped,
    votes: m.votes,
    groups,
    consensus: {
      agree: m.consensus.agree.filter((id) => accepted.has(id)).map((id) => {
        const { i, votes } = everyone(id);
        return { ...base(id), agreePercent: percent(m.agrees[i] ?? 0, votes), votes };
      }),
      disagree: m.consensus.disagree.filter((id) => accepted.has(id)).map((id) => {
        const { i, votes } = everyone(id);
        return { ...base(id), disagreePercent: percent(m.disagrees[i] ?? 0, votes), votes };
      }),
    },
    statements: [...accepted.values()].map((s) => {
      const i = column.get(s.id);
      if (i === undefined) {
        return { id: s.id, seq: s.seq, text: s.text, meta: s.meta === 1, agree: s.agrees, disagree: s.disagrees, pass: s.passes, votes: s.agrees + s.disagrees + s.passes, groupInformedConsensus: 0, x: 0, y: 0, perGroup: [] };
      }
      return {
        id: s.id,
        seq: s.seq,
        text: s.text,
        meta: s.meta === 1,
        agree: m.agrees[i] ?? 0,
        disagree: m.disagrees[i] ?? 0,
        pass: m.passes[i] ?? 0,
        votes: m.statementVotes[i] ?? 0,
        groupInformedConsensus: m.groupInformedConsensus[i] ?? 0,
        x: m.x[i] ?? 0,
        y: m.y[i] ?? 0,
        perGroup: m.groups.map((g) => {
          const agree = g.agrees[i] ?? 0;
          const disagree = g.disagrees[i] ?? 0;
          const votes = g.votes[i] ?? 0;
          return { group: g.id, agree, disagree, pass: votes - agree - disagree, votes };
        }),
      };
    }),
    points: m.points,
    me: participantId && m.positions[participantId] ? { x: m.positions[participantId][0], y: m.positions[participantId][1], group: m.positions[participantId][2] } : null,
  };
}

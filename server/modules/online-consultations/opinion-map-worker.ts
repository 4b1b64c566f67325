import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../infra/db/schema.js';
import { PollingLoop } from '../../infra/polling-loop.js';
import { computeOpinionMap, VoteMatrixBuilder, type MapMode } from './opinion-map/index.js';
import { previousState, snapshotOf, storedState, type StoredState } from './map-snapshot.js';
import { claimJob, completeJob, findMapState, listDirtyJobs, listStatements, releaseJob, storeMap, votePages } from './online.repository.js';

export interface OpinionMapWorkerOptions {
  /** Who holds a lease (one per process by default). */
  owner?: string;
  /** How long a claimed recompute may take before another process may take over. */
  leaseMs?: number;
  /** At most one recompute per consultation in this interval (changes meanwhile are coalesced). */
  minIntervalMs?: number;
  mode?: MapMode;
  /** Votes read per query. */
  pageSize?: number;
  /** Test hooks around the computation, while the lease is held. */
  hooks?: { afterClaim?(onlineId: string): Promise<void>; beforeStore?(onlineId: string): Promise<void> };
}

/**
 * Recomputes the opinion maps of consultations whose votes or moderation changed, in the
 * background (a full recompute takes seconds at 1M votes; never on a request). Each recompute
 * first claims the consultation's lease with one conditional update, so two processes never
 * compute the same map at once, and stores the result only if it still holds the lease.
 */
export class OpinionMapWorker {
  readonly owner: string;
  private readonly loop: PollingLoop;
  private readonly leaseMs: number;
  private readonly minIntervalMs: number;
  private readonly mode: MapMode;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly logger: Pick<Logger, 'error' | 'info'>,
    private readonly options: OpinionMapWorkerOptions = {},
  ) {
    this.owner = options.owner ?? `map-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.mode = options.mode ?? 'improved';
    this.loop = new PollingLoop('opinion map worker', logger, () => this.runOnce());
  }

  start(everyMs: number): void {
    this.loop.start(everyMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One round: recomputes every consultation that is behind and free; returns how many maps were stored. */
  async runOnce(): Promise<number> {
    const now = new Date();
    const jobs = await listDirtyJobs(this.db, now.toISOString(), new Date(now.getTime() - this.minIntervalMs).toISOString(), 20);
    let stored = 0;
    for (const job of jobs) if (await this.recompute(job.online_id)) stored++;
    return stored;
  }

  /** Claims, computes and stores one consultation's map; false when another process holds it or it is not due. */
  async recompute(onlineId: string): Promise<boolean> {
    const now = new Date();
    const changes = await claimJob(
      this.db,
      onlineId,
      this.owner,
      now.toISOString(),
      new Date(now.getTime() + this.leaseMs).toISOString(),
      new Date(now.getTime() - this.minIntervalMs).toISOString(),
    );
    if (changes === null) return false;
    try {
      await this.options.hooks?.afterClaim?.(onlineId);
      const [statements, stateJson] = await Promise.all([listStatements(this.db, onlineId), findMapState(this.db, onlineId)]);
      const builder = new VoteMatrixBuilder();
      // Columns in statement order; pending statements have no votes and stay out.
      const voteable = statements.filter((s) => s.status !== 'pending');
      for (const s of voteable) builder.addStatement(s.id);
      for await (const page of votePages(this.db, onlineId, this.options.pageSize)) for (const v of page) builder.add(v.participant_id, v.statement_id, Number(v.vote));
      const { matrix, participantIds, statementIds } = builder.build();
      const out = new Set(voteable.filter((s) => s.status === 'rejected' || s.meta === 1).map((s) => s.id));
      const previous = previousState(stateJson ? (JSON.parse(stateJson) as StoredState) : null, participantIds);
      const map = computeOpinionMap({ matrix, moderatedOut: statementIds.map((id) => out.has(id)), mode: this.mode, previous });
      const mapJson = JSON.stringify(snapshotOf(map, participantIds, statementIds));
      const state = JSON.stringify(storedState(map.state, participantIds));
      await this.options.hooks?.beforeStore?.(onlineId);
      return await this.db.transaction().execute(async (tx) => {
        const at = new Date().toISOString();
        if (!(await completeJob(tx, onlineId, this.owner, at, changes))) return false;
        await storeMap(tx, onlineId, at, mapJson, state);
        return true;
      });
    } catch (err) {
      this.logger.error({ err, onlineId }, 'opinion map recompute failed');
      await releaseJob(this.db, onlineId, this.owner).catch(() => undefined);
      return false;
    }
  }
}

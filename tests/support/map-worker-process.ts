// A second process for the recompute-lease test: runs an OpinionMapWorker against one
// consultation for a while, marking it dirty before each round and recording in the table
// `map_trace` (created by the test) when it held the lease, by the database's clock.
import { sql } from 'kysely';
import pino from 'pino';
import { openDatabase } from '../../server/infra/db/database.js';
import { OpinionMapWorker } from '../../server/modules/online-consultations/index.js';

const url = process.env.TRACE_DB_URL as string;
const onlineId = process.env.TRACE_ONLINE_ID as string;
const owner = process.env.TRACE_OWNER as string;
const until = Date.now() + Number(process.env.TRACE_MS ?? 3000);

const { db, close } = openDatabase({ engine: 'postgres', url }, { poolSize: 3 });
const trace = (phase: string) => sql`insert into map_trace (owner, phase, at) values (${owner}, ${phase}, clock_timestamp())`.execute(db).then(() => undefined);
const worker = new OpinionMapWorker(db, pino({ level: 'silent' }), {
  owner,
  minIntervalMs: 0,
  hooks: {
    afterClaim: async () => {
      await trace('start');
      // Long enough that the other process tries to claim while this one computes.
      await new Promise((r) => setTimeout(r, 30));
    },
    beforeStore: () => trace('end'),
  },
});
let stored = 0;
while (Date.now() < until) {
  await sql`update online_map_job set changes = changes + 1 where online_id = ${onlineId}`.execute(db);
  stored += await worker.runOnce();
  await new Promise((r) => setTimeout(r, Math.random() * 10));
}
await close();
console.log(JSON.stringify({ owner, stored }));

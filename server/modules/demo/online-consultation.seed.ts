import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { systemContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { GroupCommitter } from '../../infra/group-commit.js';
import { actorOfAccount, findAccountByUsername } from '../accounts/index.js';
import { addStatement, anyOnlineConsultation, castVote, createOnlineConsultation, eventIdByTitle, findParticipantByToken, joinOnlineConsultation, tokenHash } from '../online-consultations/index.js';
import { seededRandom } from './campaign.data.js';

const EVENT_TITLE = '小区停车难怎么解——驿站微协商';

/** Twelve fictional statements; the camps below lean on the first six, the next four, or the last two. */
const STATEMENTS = [
  '小区内的绿化带可以改建一部分为停车位',
  '应当把地面停车位优先分配给本小区业主',
  '外来车辆在小区停车应当收费',
  '夜间可以允许车辆在消防通道以外的道路一侧停放',
  '物业应当每月公开停车位的使用情况',
  '新能源车位应当增加一倍',
  '绿化面积一寸也不能少',
  '周边单位的停车场晚上可以向居民开放共享',
  '鼓励居民少开车，多坐公交和骑车',
  '停车收费的收入应当用于改善小区环境',
  '停车方案应当由业主大会投票决定',
  '协商过程和结果应当在小区公告栏公示',
];

/** How each camp leans on each statement: agree probability (the rest split between disagree and pass). */
const CAMPS: { size: number; agree: number[] }[] = [
  // More parking inside the estate.
  { size: 26, agree: [0.9, 0.85, 0.8, 0.8, 0.7, 0.6, 0.1, 0.4, 0.2, 0.6, 0.8, 0.9] },
  // Keep the green, park elsewhere.
  { size: 22, agree: [0.05, 0.4, 0.7, 0.15, 0.8, 0.5, 0.95, 0.9, 0.85, 0.7, 0.8, 0.9] },
  // Those who care most about fees and fairness.
  { size: 14, agree: [0.4, 0.2, 0.1, 0.5, 0.95, 0.3, 0.5, 0.6, 0.4, 0.9, 0.85, 0.95] },
];

/**
 * The demo's online micro-consultation (线上微协商) on the station's parking event: seed
 * statements added by the station head, about sixty synthetic residents in three camps voting
 * through the participant commands, so the opinion map has groups once the worker has run.
 * `npm start` in demo mode only, once (nothing happens when any online consultation exists).
 */
export async function seedDemoOnlineConsultation(db: Kysely<DB>, logger: Pick<Logger, 'error'>): Promise<{ participants: number; votes: number } | null> {
  if (await anyOnlineConsultation(db)) return null;
  const eventId = await eventIdByTitle(db, EVENT_TITLE);
  const account = await findAccountByUsername(db, 'station');
  const station = account ? await actorOfAccount(db, account.id) : null;
  if (!eventId || !station) return null;
  const ctx = { ...systemContext('demo'), actorId: station.id, actorLabel: station.label };
  const online = await createOnlineConsultation(db, ctx, station, {
    consultationId: eventId,
    title: '小区停车难，你怎么看？',
    description: '驿站协商会之前，先在线上说说你的看法：对每条观点选择同意、不同意或跳过，也可以补充你自己的观点。（演示数据，纯属虚构）',
    identity: 'device',
    moderation: 'pre',
  });
  const ids: string[] = [];
  for (const text of STATEMENTS) ids.push((await addStatement(db, ctx, online.id, { kind: 'organiser', actor: station }, text)).id);

  const random = seededRandom(20261208);
  const committer = new GroupCommitter(db, logger);
  let n = 0;
  let votes = 0;
  for (const camp of CAMPS) {
    for (let i = 0; i < camp.size; i++, n++) {
      const { participantToken } = await joinOnlineConsultation(db, systemContext('participant'), online.id, { deviceId: `demo-voter-${String(n).padStart(6, '0')}` });
      const participant = (await findParticipantByToken(db, tokenHash(participantToken)))!;
      const casts: Promise<unknown>[] = [];
      for (const [k, id] of ids.entries()) {
        // Not everyone sees every statement.
        if (random() < 0.12) continue;
        const r = random();
        const p = camp.agree[k] as number;
        const vote = r < p ? 1 : r < p + (1 - p) * 0.8 ? -1 : 0;
        casts.push(castVote(db, committer, systemContext('participant'), participant, id, vote));
        votes++;
      }
      await Promise.all(casts);
    }
  }
  return { participants: n, votes };
}

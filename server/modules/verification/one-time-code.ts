import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { immediateWrites } from '../../infra/db/write-batch.js';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../infra/commands.js';
import type { DB } from '../../infra/db/schema.js';
import { AppError } from '../../infra/http/errors.js';
import { enqueueMessage } from '../notifications/index.js';
import type { OtpPurpose } from './verification.table.js';
import { challengesFromAddress, consumeChallenge, lockPhoneRequests, countFailedAttempt, insertChallenge, latestOpenChallenge, recentChallenges } from './verification.repository.js';

export const CODE_TTL_SECONDS = 300;
export const RESEND_AFTER_SECONDS = 60;
const PER_HOUR = 5;
/** Codes one address may ask for in an hour, over all phones (a shared NAT is many residents). */
export const PER_ADDRESS_HOUR = 30;
const MAX_ATTEMPTS = 5;

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/**
 * Sends a 6-digit code to a phone by SMS (through the outbox). At most one a minute and five
 * an hour per phone, whatever address asks, and PER_ADDRESS_HOUR an hour per address. The
 * counts are rows, so they hold across processes. Requests for one phone take a lock on that
 * phone first, so a flood of parallel requests cannot all read "none yet": one sends, the others
 * see its code. (A serializable transaction did the same but made unrelated phones' requests
 * conflict and, under load, run out of retries.)
 */
export async function requestOneTimeCode(db: Kysely<DB>, ctx: CommandContext, phone: string, purpose: OtpPurpose = 'appeal') {
  return runCommand(db, { ...ctx, actorLabel: 'resident' }, async (tx, audit) => {
    await lockPhoneRequests(tx, phone);
    const now = new Date();
    const recent = await recentChallenges(tx, phone, new Date(now.getTime() - 3_600_000).toISOString());
    const wait = recent.latest ? RESEND_AFTER_SECONDS - Math.floor((now.getTime() - Date.parse(recent.latest)) / 1000) : 0;
    if (wait > 0) throw new AppError('RATE_LIMITED', { zh: `请 ${wait} 秒后再获取验证码`, en: `Wait ${wait} s before asking for another code` }, { retryAfterSeconds: wait });
    if (recent.count >= PER_HOUR) throw new AppError('RATE_LIMITED', { zh: '验证码获取次数过多，请一小时后再试', en: 'Too many codes for this number; try again in an hour' }, { retryAfterSeconds: 3600 });
    if (ctx.ip && (await challengesFromAddress(tx, ctx.ip, new Date(now.getTime() - 3_600_000).toISOString())) >= PER_ADDRESS_HOUR)
      throw new AppError('RATE_LIMITED', { zh: '此网络获取验证码过于频繁，请稍后再试', en: 'Too many codes from this network; try again later' }, { retryAfterSeconds: 600 });
    const id = uuidv7();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await insertChallenge(tx, {
      id,
      phone,
      purpose,
      code_hash: hashCode(id, code),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CODE_TTL_SECONDS * 1000).toISOString(),
      attempts: 0,
      consumed_at: null,
      ip: ctx.ip,
    });
    await enqueueMessage(immediateWrites(tx), { channel: 'sms', recipient: phone, template: 'otp.code', payload: { code, minutes: CODE_TTL_SECONDS / 60 } });
    audit.record({ action: 'otp.request', resourceType: 'otp_challenge', resourceId: id, after: { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, purpose } });
    return { expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: RESEND_AFTER_SECONDS };
  });
}

/**
 * Checks a code; a wrong one counts against the challenge (committed even though the request
 * fails). Returns the challenge id, to be consumed in the transaction that uses it.
 */
export async function checkOneTimeCode(db: Kysely<DB>, phone: string, code: string, purpose: OtpPurpose = 'appeal'): Promise<string> {
  const c = await latestOpenChallenge(db, phone, purpose);
  if (!c || c.expires_at < new Date().toISOString() || c.attempts >= MAX_ATTEMPTS) throw new AppError('OTP_INVALID');
  const ok = timingSafeEqual(Buffer.from(hashCode(c.id, code)), Buffer.from(c.code_hash));
  if (!ok) {
    await countFailedAttempt(db, c.id);
    throw new AppError('OTP_INVALID');
  }
  return c.id;
}

/** Uses the code up inside the caller's transaction; a replay fails here. */
export async function consumeOneTimeCode(tx: Kysely<DB>, challengeId: string): Promise<void> {
  if (!(await consumeChallenge(tx, challengeId, new Date().toISOString()))) throw new AppError('OTP_INVALID');
}

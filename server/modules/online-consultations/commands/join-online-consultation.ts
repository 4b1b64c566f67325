import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { runCommand, type CommandContext } from '../../../infra/commands.js';
import type { DB } from '../../../infra/db/schema.js';
import { isUniqueViolation } from '../../../infra/db/errors.js';
import { AppError } from '../../../infra/http/errors.js';
import { checkOneTimeCode, consumeOneTimeCode } from '../../verification/index.js';
import { findParticipantByIdentity, insertParticipant, replaceToken } from '../online.repository.js';
import { getOnline, identityHash, newToken, requireOpen } from '../online.service.js';

export type JoinInput = { deviceId: string } | { phone: string; code: string };

/**
 * A person joins an online consultation with the identity it asks for: a device id the
 * browser keeps, or a phone verified by a one-time code (used up here). The same phone or
 * device joining again is the same participant, with a new token (the old one stops working).
 * Only salted hashes are stored; the audit record names the participant, never the phone.
 */
export async function joinOnlineConsultation(db: Kysely<DB>, ctx: CommandContext, onlineId: string, input: JoinInput): Promise<{ participantToken: string; participantId: string; created: boolean }> {
  const online = await getOnline(db, onlineId);
  requireOpen(online);
  const wrongKind = () =>
    new AppError('VALIDATION_FAILED', { zh: online.identity === 'phone' ? '本次协商须以手机号和验证码加入' : '本次协商以设备标识加入', en: online.identity === 'phone' ? 'This consultation is joined with a phone and a code' : 'This consultation is joined with a device id' });
  let identity: string;
  let challengeId: string | null = null;
  if ('deviceId' in input) {
    if (online.identity !== 'device') throw wrongKind();
    identity = identityHash(online, 'device', input.deviceId);
  } else {
    if (online.identity !== 'phone') throw wrongKind();
    challengeId = await checkOneTimeCode(db, input.phone, input.code, 'online');
    identity = identityHash(online, 'phone', input.phone);
  }
  const { token, hash } = newToken();
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCommand(db, { ...ctx, actorLabel: 'participant' }, async (tx, audit) => {
        if (challengeId) await consumeOneTimeCode(tx, challengeId);
        const existing = await findParticipantByIdentity(tx, onlineId, identity);
        if (existing) {
          await replaceToken(tx, existing.id, hash);
          audit.record({ action: 'online.rejoin', resourceType: 'online_participant', resourceId: existing.id, after: { onlineId, identity: online.identity } });
          return { participantToken: token, participantId: existing.id, created: false };
        }
        const id = uuidv7();
        await insertParticipant(tx, { id, online_id: onlineId, identity_hash: identity, token_hash: hash, created_at: new Date().toISOString() });
        audit.record({ action: 'online.join', resourceType: 'online_participant', resourceId: id, after: { onlineId, identity: online.identity } });
        return { participantToken: token, participantId: id, created: true };
      });
    } catch (err) {
      // Two first joins of one device at once: the unique index refuses one, which then finds the other.
      if (attempt >= 3 || !isUniqueViolation(err, 'online_participant')) throw err;
    }
  }
}

import { z } from 'zod';
import { contextOf, type Deps, type ZodApp } from '../../infra/http/app.js';
import { msg } from '../../infra/http/fields.js';
import { requestOneTimeCode } from './one-time-code.js';

export const mobileSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, msg('请填写 11 位手机号', 'an 11-digit mobile number'));

/** Residents verify their phone with a code before filing without an account. */
export function verificationRoutes(app: ZodApp, { database }: Deps) {
  app.post(
    '/public/otp',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['verification'],
        summary: 'Send a one-time code to a mobile number by SMS (purpose: filing an appeal, the default, or joining an online consultation)',
        body: z.object({ phone: mobileSchema, purpose: z.enum(['appeal', 'online']).default('appeal') }).strict(),
        response: { 202: z.object({ expiresInSeconds: z.number().int(), resendAfterSeconds: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(202).send(await requestOneTimeCode(database.db, contextOf(req), req.body.phone, req.body.purpose)),
  );
}

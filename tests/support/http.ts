import type { ZodApp } from '../../server/infra/http/app.js';

export const DEMO_PASSWORD = 'Minhu@2026';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in through the real route and returns the cookie and CSRF token. */
export async function login(app: ZodApp, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'minhu_sid');
  if (!set) throw new Error('no session cookie');
  return { cookie: `minhu_sid=${set.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

/** Headers that make a request as the signed-in person (with CSRF for writes). */
export function as(session: Session | null, lang?: 'en'): Record<string, string> {
  const h: Record<string, string> = {};
  if (session) {
    h.cookie = session.cookie;
    h['x-csrf-token'] = session.csrf;
  }
  if (lang) h['accept-language'] = 'en';
  return h;
}

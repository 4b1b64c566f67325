import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Localized } from '../../infra/http/errors.js';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

// scrypt at N=2^15, r=8 (32 MiB, ~60 ms per hash on our machines): memory-hard like argon2id,
// and built into Node, so no native add-on to compile.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 32;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Same work for unknown accounts, so timing does not reveal which user names exist.
    await scrypt(password, Buffer.alloc(16), KEYLEN, PARAMS);
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(key, expected);
}

const COMMON = new Set([
  'password', 'password1', 'passw0rd', 'p@ssw0rd', 'p@ssword1', 'admin123', 'admin@123', 'qwerty123',
  'abc12345', 'abcd1234', 'aa123456', 'a1234567', '12345678a', 'woaini1314', 'zxcvbnm1', 'iloveyou1',
]);

/**
 * Password rules of the kind 等保 2.0 (GB/T 22239-2019) asks for: 8–64 characters, at least
 * three of upper case, lower case, digits and symbols, not the user name, not a common password.
 */
export function passwordProblems(password: string, username: string): Localized[] {
  const out: Localized[] = [];
  const chars = [...password];
  if (chars.length < 8) out.push({ zh: '密码至少 8 位', en: 'at least 8 characters' });
  if (chars.length > 64) out.push({ zh: '密码最多 64 位', en: 'at most 64 characters' });
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) out.push({ zh: '须包含大写字母、小写字母、数字、符号中的至少三类', en: 'use at least three of: upper case, lower case, digits, symbols' });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    out.push({ zh: '密码不能包含用户名', en: 'must not contain the user name' });
  if (COMMON.has(password.toLowerCase())) out.push({ zh: '密码过于常见', en: 'too common' });
  if (/(.)\1{3,}/u.test(password)) out.push({ zh: '不能有 4 个以上相同的连续字符', en: 'no character repeated four or more times in a row' });
  return out;
}

/** A temporary password that satisfies the rules, for new accounts and resets. */
export function generatePassword(length = 14): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=-_!'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  const pw = chars.join('');
  return /(.)\1{3,}/.test(pw) ? generatePassword(length) : pw;
}

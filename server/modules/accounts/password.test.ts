import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './password.js';

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('Minhu@2026');
    const b = await hashPassword('Minhu@2026');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Minhu@2026', a)).toBe(true);
    expect(await verifyPassword('minhu@2026', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });

  it('enforces the 等保-style rules', () => {
    expect(passwordProblems('Minhu@2026', 'admin')).toEqual([]);
    expect(passwordProblems('short1A', 'x').map((p) => p.en)).toContain('at least 8 characters');
    expect(passwordProblems('alllowercase', 'x').length).toBeGreaterThan(0);
    expect(passwordProblems('Wang.Lei2026', 'wang.lei').map((p) => p.en)).toContain('must not contain the user name');
    expect(passwordProblems('P@ssw0rd', 'x').map((p) => p.en)).toContain('too common');
    expect(passwordProblems('Aaaa1111!x', 'x').map((p) => p.en)).toContain('no character repeated four or more times in a row');
    expect(passwordProblems('A1!' + 'x'.repeat(70), 'y').map((p) => p.en)).toContain('at most 64 characters');
  });

  it('generated passwords satisfy the rules', () => {
    for (let i = 0; i < 200; i++) expect(passwordProblems(generatePassword(), 'admin')).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_URL, createEmptyDatabase } from './support/db.js';

const root = path.resolve(import.meta.dirname, '..');
const XIHU = path.resolve(root, '../shared/data/territories/xihu-330106.csv');

function minhu(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli/minhu.ts'), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('minhu CLI on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-cli-'));
  const env = { MINHU_DATA_DIR: dir };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports territories idempotently and reports counts', () => {
    const first = minhu(['import-territories', XIHU], env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('imported 237 rows');
    expect(first.out).toContain('237 new, 0 updated, 0 unchanged');
    expect(first.out).toContain('town 12, village 222');
    const second = minhu(['import-territories', XIHU], env);
    expect(second.out).toContain('0 new, 0 updated, 237 unchanged');
  });

  it('reports a bad file and writes nothing', () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'code,name,level,parent_code\n330106002999,新,village,330106002\n12345,坏,town,33\n');
    const r = minhu(['import-territories', bad], env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('line 3');
    const db = new Database(path.join(dir, 'minhu.sqlite'), { readonly: true });
    expect(db.prepare("select count(*) as n from territory where code = '330106002999'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('creates a user with a generated password', () => {
    const r = minhu(['create-user', 'ops.admin', '--name', '运维 𣵦'], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/temporary password \(change at first sign-in\): \S{14}/);
    const dup = minhu(['create-user', 'ops.admin', '--name', 'x'], env);
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('ops.admin');
    const weak = minhu(['create-user', 'weak', '--name', 'x', '--password-stdin'], env, 'password\n');
    expect(weak.code).toBe(1);
  });

  it('verifies the audit chain and catches tampering', () => {
    const ok = minhu(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/audit chain verified: 3 events/);
    const db = new Database(path.join(dir, 'minhu.sqlite'));
    db.prepare("update audit_event set actor_label = 'someone else' where seq = 2").run();
    db.close();
    const broken = minhu(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('BROKEN at seq 2 (hash)');
  });

  it('backs up online and refuses to overwrite', () => {
    const file = path.join(dir, 'backups', 'minhu.bak');
    const r = minhu(['backup', file], env);
    expect(r.code).toBe(0);
    // The chain was tampered with above: the backup keeps the evidence and says so.
    expect(r.err).toContain('the audit chain it holds is broken');
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('select count(*) as n from territory').get()).toEqual({ n: 237 });
    copy.close();
    expect(minhu(['backup', file], env).code).toBe(1);
  });

  it('migrates down to nothing and up again', () => {
    expect(minhu(['migrate', '--status'], env).out).toContain('✔ 20261129T0500-foundation');
    expect(minhu(['migrate', '--to-zero'], env).out).toContain('reverted');
    expect(minhu(['migrate'], env).out).toContain('applied: 20261129T0500-foundation');
  });

  it('refuses bad configuration, naming the variable', () => {
    const r = minhu(['migrate'], { ...env, PORT: 'abc' });
    expect(r.code).toBe(78);
    expect(r.err).toContain('PORT');
  });
});

describe.skipIf(!PG_URL)('minhu CLI on PostgreSQL', () => {
  it('imports, verifies and backs up with pg_dump', async () => {
    const empty = await createEmptyDatabase('postgres');
    try {
      const env = { DATABASE_URL: (empty.config as { url: string }).url };
      expect(minhu(['import-territories', XIHU], env).out).toContain('237 new');
      expect(minhu(['import-territories', XIHU], env).out).toContain('237 unchanged');
      expect(minhu(['audit', 'verify'], env).out).toContain('verified: 2 events');
      const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-cli-pg-')), 'minhu.dump');
      const backup = minhu(['backup', dump], env);
      expect(backup.code, backup.err).toBe(0);
      expect(backup.out).toContain('running: pg_dump --format=custom');
      expect(fs.statSync(dump).size).toBeGreaterThan(0);
      fs.rmSync(path.dirname(dump), { recursive: true, force: true });
    } finally {
      await empty.drop();
    }
  });
});

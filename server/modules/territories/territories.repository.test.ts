import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../../../tests/support/db.js';
import { HOSTILE } from '../../../tests/support/hostile.js';
import { systemContext } from '../../infra/commands.js';
import { verifyAuditChain } from '../../infra/audit/audit.repository.js';
import { importTerritories, openTerritoryFile, TerritoryImportError } from './import-territories.js';
import { countByLevel, countTerritories, findTerritory, searchTerritories, listChildren } from './territories.repository.js';
import { getAncestors, getTerritory, patchTerritory } from './territories.service.js';

const XIHU = path.resolve(import.meta.dirname, '../../../../shared/data/territories/xihu-330106.csv');
const csv = (text: string) => Readable.from([text]);

describe.each(ENGINES)('territories on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t?.drop());

  it('imports the real Xihu district and reports counts', async () => {
    const r = await importTerritories(t.handle.db, systemContext('test'), openTerritoryFile(XIHU));
    expect(r).toMatchObject({ rows: 237, created: 237, updated: 0, unchanged: 0 });
    expect(r.byLevel).toEqual({ province: 1, city: 1, county: 1, town: 12, village: 222 });
    expect(await countByLevel(t.handle.db)).toEqual({ province: 1, city: 1, county: 1, town: 12, village: 222 });
  });

  it('is idempotent: a second import changes nothing', async () => {
    const r = await importTerritories(t.handle.db, systemContext('test'), openTerritoryFile(XIHU));
    expect(r).toMatchObject({ rows: 237, created: 0, updated: 0, unchanged: 237 });
    expect(await countTerritories(t.handle.db)).toBe(237);
  });

  it('updates changed rows only, keeping 4-byte names and markup verbatim', async () => {
    const name = `${HOSTILE.extB}${HOSTILE.script}社区`;
    const r = await importTerritories(
      t.handle.db,
      systemContext('test'),
      csv(`code,name,level,parent_code\n330106002051,"${name.replaceAll('"', '""')}",village,330106002\n330106002999,新社区,village,330106002\n`),
    );
    expect(r).toMatchObject({ rows: 2, created: 1, updated: 1, unchanged: 0 });
    expect((await findTerritory(t.handle.db, '330106002051'))?.name).toBe(name);
  });

  it('rejects a bad file whole: nothing half-written', async () => {
    const before = await countTerritories(t.handle.db);
    const bad = 'code,name,level,parent_code\n330106002777,好社区,village,330106002\n3301060027,坏,village,330106002\n330106002778,,village,330106002\n330106099001,孤儿,village,330106099\n';
    const err = await importTerritories(t.handle.db, systemContext('test'), csv(bad)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TerritoryImportError);
    const problems = (err as TerritoryImportError).problems.join('\n');
    expect(problems).toContain('line 3');
    expect(problems).toContain('line 4');
    expect(problems).toContain('330106099');
    expect(await countTerritories(t.handle.db)).toBe(before);
    expect(await findTerritory(t.handle.db, '330106002777')).toBeUndefined();
  });

  it('browses: children, ancestors, search by name and code', async () => {
    const db = t.handle.db;
    const towns = await listChildren(db, '330106', 200, 0);
    expect(towns.total).toBe(12);
    expect(towns.rows.find((r) => r.code === '330106002')?.name).toBe('北山街道');
    expect(towns.rows.every((r) => (r.child_count ?? 0) > 0)).toBe(true);
    expect((await getAncestors(db, '330106002051')).map((a) => a.code)).toEqual(['33', '3301', '330106', '330106002']);
    expect((await getTerritory(db, '330106000000')).name).toBe('西湖区');
    const byName = await searchTerritories(db, { q: '北山' }, 10, 0);
    expect(byName.rows.map((r) => r.name)).toContain('北山街道');
    const byCode = await searchTerritories(db, { q: '330106002' }, 5, 0);
    expect(byCode.total).toBeGreaterThan(5);
    const wildcard = await searchTerritories(db, { q: '%' }, 5, 0);
    expect(wildcard.total).toBe(0);
    const injection = await searchTerritories(db, { q: "' or 1=1 --" }, 5, 0);
    expect(injection.total).toBe(0);
    const within = await searchTerritories(db, { level: 'village', within: '330106002' }, 500, 0);
    expect(within.rows.every((r) => r.code.startsWith('330106002'))).toBe(true);
  });

  it('patches a territory with an audit record; the chain verifies', async () => {
    const after = await patchTerritory(t.handle.db, systemContext('test'), '330106002999', { validTo: '2026-12-31' });
    expect(after.valid_to).toBe('2026-12-31');
    const report = await verifyAuditChain(t.handle.db);
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(4);
  });
});

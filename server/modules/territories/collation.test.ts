import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_URL } from '../../../tests/support/db.js';
import { openDatabase, type DatabaseHandle } from '../../infra/db/database.js';
import { migrateToLatest } from '../../infra/db/migrate.js';
import { systemContext } from '../../infra/commands.js';
import { importTerritories, openTerritoryFile } from './import-territories.js';
import { searchTerritories } from './territories.repository.js';
import path from 'node:path';

const XIHU = path.resolve(import.meta.dirname, '../../../../shared/data/territories/xihu-330106.csv');

/** Code prefixes must work whatever collation a district's PostgreSQL was created with. */
describe.skipIf(!PG_URL)('territory code ranges on an ICU-collated PostgreSQL database', () => {
  const name = `minhu_icu_${randomBytes(4).toString('hex')}`;
  let handle: DatabaseHandle | undefined;
  afterAll(async () => {
    await handle?.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it('finds a subtree by code prefix', async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`create database ${name} template template0 locale_provider icu icu_locale 'und' locale 'C.UTF-8'`);
    await c.end();
    const url = new URL(PG_URL as string);
    url.pathname = `/${name}`;
    handle = openDatabase({ engine: 'postgres', url: url.toString() });
    await migrateToLatest(handle.db);
    await importTerritories(handle.db, systemContext('test'), openTerritoryFile(XIHU));
    expect((await searchTerritories(handle.db, { within: '330106' }, 500, 0)).total).toBe(235);
    expect((await searchTerritories(handle.db, { q: '330106002' }, 500, 0)).total).toBe(8);
  });
});

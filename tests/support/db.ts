import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../../server/config.js';
import { openDatabase, type DatabaseHandle, type Engine } from '../../server/infra/db/database.js';
import { migrateToLatest } from '../../server/infra/db/migrate.js';

/** The PostgreSQL server for the real-database tier, when one is configured. */
export const PG_URL = process.env.MINHU_TEST_PG_URL;

/** Engines every repository test runs on: SQLite always, PostgreSQL when configured. */
export const ENGINES: Engine[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  config: DatabaseConfig;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A brand-new empty database: a temp SQLite file, or a fresh PostgreSQL database. */
export async function createEmptyDatabase(engine: Engine): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-test-'));
    return { config: { engine: 'sqlite', file: path.join(dir, 'test.sqlite') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (!PG_URL) throw new Error('MINHU_TEST_PG_URL is not set');
  const name = `minhu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    config: { engine: 'postgres', url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh, migrated database of the given engine. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const { config, drop } = await createEmptyDatabase(engine);
  const handle = openDatabase(config, { poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    config,
    handle,
    drop: async () => {
      await handle.close();
      await drop();
    },
  };
}

import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from '../../migrations/index.js';

function migrator(db: Kysely<any>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'minhu_migration',
    migrationLockTableName: 'minhu_migration_lock',
  });
}

function check(result: { error?: unknown; results?: MigrationResult[] }): MigrationResult[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    if (failed) err.message = `migration ${failed.migrationName} failed: ${err.message}`;
    throw err;
  }
  return result.results ?? [];
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return check(await migrator(db).migrateToLatest()).map((r) => r.migrationName);
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return check(await migrator(db).migrateDown()).map((r) => r.migrationName);
}

/** Reverts every migration (an empty schema again). */
export async function migrateToZero(db: Kysely<any>): Promise<string[]> {
  return check(await migrator(db).migrateTo(NO_MIGRATIONS)).map((r) => r.migrationName);
}

/** Names of applied and pending migrations. */
export async function migrationStatus(db: Kysely<any>) {
  const all = await migrator(db).getMigrations();
  return all.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}

import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig, ConfigError, packageRoot, type Config } from '../config.js';
import { systemContext } from '../infra/commands.js';
import { verifyAuditChain } from '../infra/audit/audit.repository.js';
import { openDatabase, type DatabaseHandle } from '../infra/db/database.js';
import { migrateDown, migrateToLatest, migrateToZero, migrationStatus } from '../infra/db/migrate.js';
import { renderErrorsMarkdown } from '../infra/http/errors.js';
import { createAccount, ROLES, ROLE_SCOPES, type Role, type ScopeType } from '../modules/accounts/index.js';
import { seed, DEMO_PASSWORD } from '../modules/demo/index.js';
import { importTerritories, openTerritoryFile, TerritoryImportError } from '../modules/territories/index.js';

/** Runs a CLI action with an open database, closing it and setting the exit code. */
async function withDatabase(fn: (db: DatabaseHandle, config: Config) => Promise<number | void>): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exitCode = 78;
      return;
    }
    throw err;
  }
  const database = openDatabase(config.database);
  try {
    const code = await fn(database, config);
    if (typeof code === 'number') process.exitCode = code;
  } catch (err) {
    if (err instanceof TerritoryImportError) console.error(err.message);
    else console.error(err instanceof Error ? `error: ${err.message}` : err);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name('minhu')
  .description('Minhu (民呼) administration: migrations, seed data, territories, users, audit, backups')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending migrations (or revert with --down / --to-zero)')
  .option('--down', 'revert the most recent migration')
  .option('--to-zero', 'revert every migration (empties the schema)')
  .option('--status', 'list migrations and when they ran')
  .action((opts: { down?: boolean; toZero?: boolean; status?: boolean }) =>
    withDatabase(async ({ db }) => {
      if (opts.status) {
        for (const m of await migrationStatus(db)) console.log(`${m.executedAt ? '✔' : '·'} ${m.name}${m.executedAt ? `  ${new Date(m.executedAt).toISOString()}` : ''}`);
        return;
      }
      const names = opts.toZero ? await migrateToZero(db) : opts.down ? await migrateDown(db) : await migrateToLatest(db);
      console.log(names.length ? `${opts.down || opts.toZero ? 'reverted' : 'applied'}: ${names.join(', ')}` : 'nothing to do');
    }),
  );

program
  .command('seed')
  .description('load the Xihu territories and the demo data set (or only a first administrator)')
  .addOption(new Option('--mode <mode>', 'demo or none').choices(['demo', 'none']))
  .action((opts: { mode?: 'demo' | 'none' }) =>
    withDatabase(async ({ db }, config) => {
      await migrateToLatest(db);
      const r = await seed(db, opts.mode ?? config.seed);
      console.log(`territories imported: ${r.territoriesImported}`);
      if (r.demoAccounts.length) console.log(`demo accounts (password ${DEMO_PASSWORD}): ${r.demoAccounts.map((a) => a.username).join(', ')}`);
      if (r.generatedAdmin) console.log(`administrator: ${r.generatedAdmin.username}  password: ${r.generatedAdmin.password}`);
    }),
  );

program
  .command('import-territories')
  .argument('<file>', 'CSV (or .csv.gz) with columns code,name,level,parent_code[,valid_from,valid_to]')
  .description('import or update territories; idempotent, all or nothing, reports counts')
  .action((file: string) =>
    withDatabase(async ({ db }) => {
      await migrateToLatest(db);
      const isTty = process.stderr.isTTY;
      let last = 0;
      const report = await importTerritories(db, systemContext('cli'), openTerritoryFile(path.resolve(file)), {
        source: path.basename(file),
        onProgress: (rows) => {
          if (rows - last >= 50_000 || !isTty) {
            if (rows - last >= 50_000) process.stderr.write(`${isTty ? '\r' : ''}  ${rows.toLocaleString('en')} rows…${isTty ? '' : '\n'}`);
            last = rows;
          }
        },
      });
      if (isTty) process.stderr.write('\n');
      console.log(
        `imported ${report.rows} rows in ${report.seconds.toFixed(1)} s: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged`,
      );
      console.log(`by level: ${Object.entries(report.byLevel).map(([l, n]) => `${l} ${n}`).join(', ')}`);
    }),
  );

program
  .command('create-user')
  .argument('<username>', '2–32 letters, digits, . _ -')
  .requiredOption('--name <displayName>', 'name shown to others')
  .addOption(new Option('--role <role>', 'role to grant').choices([...ROLES]).default('admin'))
  .option('--scope-type <type>', 'district, territory, venue or unit (default: the role’s first)')
  .option('--scope-id <id>', 'territory code, venue id or unit id', '')
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .description('create an account; prints a generated password to change at first sign-in')
  .action((username: string, opts: { name: string; role: Role; scopeType?: ScopeType; scopeId: string; passwordStdin?: boolean }) =>
    withDatabase(async ({ db }) => {
      await migrateToLatest(db);
      const password = opts.passwordStdin ? fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '') : undefined;
      const scopeType = opts.scopeType ?? (ROLE_SCOPES[opts.role][0] as ScopeType);
      const r = await createAccount(db, systemContext('cli'), {
        username,
        displayName: opts.name.normalize('NFC').trim(),
        password,
        grants: [{ role: opts.role, scopeType, scopeId: opts.scopeId }],
      });
      console.log(`created ${username.toLowerCase()} (${opts.role}) id ${r.id}`);
      if (r.initialPassword) console.log(`temporary password (change at first sign-in): ${r.initialPassword}`);
    }),
  );

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('recompute the hash chain; exit 1 at the first broken link')
  .action(() =>
    withDatabase(async ({ db }) => {
      const r = await verifyAuditChain(db);
      if (r.ok) {
        console.log(`audit chain verified: ${r.checked} events, last seq ${r.lastSeq}`);
        return 0;
      }
      console.error(`audit chain BROKEN at seq ${r.broken?.seq} (${r.broken?.reason}); ${r.checked} events verified before it`);
      return 1;
    }),
  );

program
  .command('backup')
  .argument('<file>', 'where to write the backup')
  .description('online backup of the SQLite database (for PostgreSQL, prints the pg_dump command)')
  .action((file: string) =>
    withDatabase(async (database, config) => {
      if (database.engine !== 'sqlite' || !database.sqlite) {
        const url = config.database.engine === 'postgres' ? config.database.url.replace(/:[^:@/]+@/, ':****@') : '';
        console.log(`PostgreSQL: back up with pg_dump, for example:\n  pg_dump --format=custom --file=${JSON.stringify(file)} "${url}"`);
        return 0;
      }
      const target = path.resolve(file);
      if (fs.existsSync(target)) {
        console.error(`refusing to overwrite ${target}`);
        return 1;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      let lastPct = -1;
      await database.sqlite.backup(target, {
        progress: ({ totalPages, remainingPages }) => {
          const pct = Math.floor(((totalPages - remainingPages) / Math.max(1, totalPages)) * 100);
          if (pct !== lastPct && pct % 10 === 0) process.stderr.write(`  ${pct}%\n`);
          lastPct = pct;
          return 1000;
        },
      });
      console.log(`backup written to ${target} (${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MB)`);
    }),
  );

const docs = program.command('docs').description('generated documentation');
docs
  .command('errors')
  .description('write docs/errors.md from the error catalogue')
  .action(() => {
    const file = path.join(packageRoot(), 'docs', 'errors.md');
    fs.writeFileSync(file, renderErrorsMarkdown());
    console.log(`wrote ${file}`);
  });

await program.parseAsync(process.argv);

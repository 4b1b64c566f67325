import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig, ConfigError, packageRoot, type Config, type DatabaseConfig } from '../config.js';
import { CopyRefused, copySqliteToPostgres, maskUrl, postgresCounts, postgresIsBare, sqliteCounts } from './copy-to-postgres.js';
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

/** Runs a PostgreSQL client tool (pg_dump, pg_restore) with the password passed in the environment, not the command line. */
function runPgTool(tool: string, args: string[], url: string): Promise<number> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const dbArg = u.toString();
  console.log(`running: ${tool} ${args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')} --dbname=${JSON.stringify(dbArg)}`);
  return new Promise((resolve) => {
    const child = spawn(tool, [...args, `--dbname=${dbArg}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    });
    child.on('error', (err) => {
      console.error(`${tool} could not be started (${err.message}): install the PostgreSQL client tools of the server's major version (Debian: apt-get install postgresql-client)`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** Checks a database copy before saying it is good: SQLite integrity (1 when damaged), the audit chain (2 when broken), row counts. */
async function reportDatabase(config: DatabaseConfig, label: string): Promise<number> {
  const h = openDatabase(config, { poolSize: 2 });
  try {
    if (h.sqlite) {
      const integrity = h.sqlite.pragma('quick_check', { simple: true });
      if (integrity !== 'ok') {
        console.error(`${label}: SQLite integrity check failed: ${String(integrity)}`);
        return 1;
      }
    }
    const counts = h.sqlite ? sqliteCounts(h.sqlite) : await postgresCounts((config as { url: string }).url);
    const rows = [...counts.values()].reduce((a, b) => a + b, 0);
    const chain = await verifyAuditChain(h.db);
    console.log(`${label}: ${counts.size} tables, ${rows.toLocaleString('en')} rows (appeal ${counts.get('appeal') ?? 0}, audit_event ${counts.get('audit_event') ?? 0})`);
    if (!chain.ok) {
      console.error(`${label}: audit chain BROKEN at seq ${chain.broken?.seq} (${chain.broken?.reason}); ${chain.checked} events verified before it`);
      return 2;
    }
    console.log(`${label}: audit chain verified: ${chain.checked} events, last seq ${chain.lastSeq}`);
    return 0;
  } finally {
    await h.close();
  }
}

program
  .command('backup')
  .argument('<file>', 'where to write the backup (a new file)')
  .description('online backup while the service runs: SQLite backup API, or pg_dump (custom format) for PostgreSQL; then verifies it')
  .action((file: string) =>
    withDatabase(async (database, config) => {
      const target = path.resolve(file);
      if (fs.existsSync(target)) {
        console.error(`refusing to overwrite ${target}`);
        return 1;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (database.engine !== 'sqlite' || !database.sqlite) {
        const url = (config.database as { url: string }).url;
        // pg_dump reads one consistent snapshot (a repeatable-read transaction): writes go on meanwhile.
        const code = await runPgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`], url);
        if (code !== 0) {
          fs.rmSync(target, { force: true });
          console.error(`pg_dump failed (exit ${code}); nothing written`);
          return 1;
        }
        console.log(`backup written to ${target} (${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MB); restore with \`minhu restore ${file}\` into an empty database`);
        // The archive must be readable by the tool that will restore it: list its contents.
        const list = spawnSync('pg_restore', ['--list', target], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const tables = (list.stdout ?? '').split('\n').filter((l) => / TABLE DATA /.test(l)).length;
        if (list.status !== 0 || tables === 0) {
          console.error(`the archive cannot be read back by pg_restore: ${list.stderr || list.error?.message || 'no table data in it'}`);
          return 1;
        }
        console.log(`backup: archive readable by pg_restore, data of ${tables} tables`);
        return 0;
      }
      const partial = `${target}.partial`;
      fs.rmSync(partial, { force: true });
      // After the first (sizing) step, copy every page in one step: one consistent read snapshot that
      // writers in other processes cannot restart (WAL lets them go on meanwhile).
      await database.sqlite.backup(partial, { progress: () => 0x7fffffff });
      fs.renameSync(partial, target);
      console.log(`backup written to ${target} (${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MB)`);
      const check = await reportDatabase({ engine: 'sqlite', file: target }, 'backup');
      // A broken chain is copied faithfully (the evidence is kept); the live database has the same break.
      if (check === 2) console.error('WARNING: the backup is complete, but the audit chain it holds is broken: run `minhu audit verify` on the live database and investigate');
      return check === 1 ? 1 : 0;
    }),
  );

program
  .command('restore')
  .argument('<file>', 'a backup written by `minhu backup`')
  .description('restore a backup into the configured database, which must be new (no SQLite file / no tables in PostgreSQL); then verifies it')
  .action(async (file: string) => {
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
    const source = path.resolve(file);
    if (!fs.existsSync(source)) {
      console.error(`no such backup: ${source}`);
      process.exitCode = 1;
      return;
    }
    try {
      if (config.database.engine === 'sqlite') {
        const target = config.database.file;
        if (fs.existsSync(target)) {
          console.error(`refusing to restore over ${target}: it exists (move it away, or point DATABASE_URL at a new file)`);
          process.exitCode = 1;
          return;
        }
        if ((await reportDatabase({ engine: 'sqlite', file: source }, 'backup')) === 1) {
          process.exitCode = 1;
          return;
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(source, `${target}.partial`, fs.constants.COPYFILE_EXCL);
        fs.renameSync(`${target}.partial`, target);
        console.log(`restored ${source} to ${target}`);
        process.exitCode = (await reportDatabase(config.database, 'restored')) === 0 ? 0 : 1;
        return;
      }
      const url = config.database.url;
      if (!(await postgresIsBare(url))) {
        console.error(`refusing to restore into ${maskUrl(url)}: it already has tables (create a new database: createdb …)`);
        process.exitCode = 1;
        return;
      }
      const code = await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', source], url);
      if (code !== 0) {
        console.error(`pg_restore failed (exit ${code}); nothing restored`);
        process.exitCode = 1;
        return;
      }
      process.exitCode = (await reportDatabase(config.database, 'restored')) === 0 ? 0 : 1;
    } catch (err) {
      console.error(err instanceof Error ? `error: ${err.message}` : err);
      process.exitCode = 1;
    }
  });

program
  .command('copy-to-postgres')
  .argument('<postgres-url>', 'the PostgreSQL database to fill, e.g. postgres://minhu:…@db.example/minhu (created beforehand, empty)')
  .option('--from <file>', 'the SQLite file to copy (default: the configured SQLite database)')
  .option('--replace', 'delete everything already in the target first (otherwise a target holding data is refused)')
  .option('--batch-size <rows>', 'rows per insert statement', '1000')
  .option('--verify-only', 'copy nothing: compare row counts and check the audit chain of an earlier copy')
  .description('move a district from SQLite to PostgreSQL: migrate the target, copy every table in one transaction, verify counts and the audit chain')
  .action(async (targetUrl: string, opts: { from?: string; replace?: boolean; batchSize: string; verifyOnly?: boolean }) => {
    if (!/^postgres(ql)?:\/\//.test(targetUrl)) {
      console.error('the target must be a postgres:// URL');
      process.exitCode = 2;
      return;
    }
    let sourceFile = opts.from ? path.resolve(opts.from) : undefined;
    if (!sourceFile) {
      try {
        const config = loadConfig();
        if (config.database.engine !== 'sqlite') {
          console.error('the configured database is not SQLite: name the SQLite file with --from');
          process.exitCode = 2;
          return;
        }
        sourceFile = config.database.file;
      } catch (err) {
        if (err instanceof ConfigError) {
          console.error(err.message);
          process.exitCode = 78;
          return;
        }
        throw err;
      }
    }
    if (!fs.existsSync(sourceFile)) {
      console.error(`no such SQLite database: ${sourceFile}`);
      process.exitCode = 2;
      return;
    }
    const isTty = process.stderr.isTTY;
    console.log(`${opts.verifyOnly ? 'verifying' : 'copying'} ${sourceFile} → ${maskUrl(targetUrl)}`);
    try {
      const report = await copySqliteToPostgres({
        sourceFile,
        targetUrl,
        replace: opts.replace,
        verifyOnly: opts.verifyOnly,
        batchSize: Number(opts.batchSize) || 1000,
        progress: (line, final) => {
          if (isTty) process.stderr.write(`\r\x1b[K${line}${final ? '\n' : ''}`);
          else if (final) process.stderr.write(`${line}\n`);
        },
      });
      if (report.problems.length) {
        console.error(`VERIFICATION FAILED (${report.problems.length} ${report.problems.length === 1 ? 'difference' : 'differences'}):`);
        for (const p of report.problems) console.error(`  - ${p}`);
        process.exitCode = 1;
        return;
      }
      console.log(
        `${opts.verifyOnly ? 'verified' : 'copied and verified'}: ${report.tables.length} tables, ${report.rows.toLocaleString('en')} rows, counts equal in ${report.seconds.toFixed(1)} s`,
      );
      console.log(`audit chain verified on the target: ${report.chain.checked} events, last seq ${report.chain.lastSeq}, head equal to the source`);
    } catch (err) {
      if (err instanceof CopyRefused) {
        console.error(`refused: ${err.message}`);
        process.exitCode = 2;
        return;
      }
      console.error(`copy failed and was rolled back (the target keeps none of its rows): ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    }
  });

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

import path from 'node:path';
import { z } from 'zod';

/** Which database engine a DATABASE_URL selects. */
export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  /** reportingUrl: an optional read replica for reporting reads (dashboards, open data); the primary when absent. */
  | { engine: 'postgres'; url: string; reportingUrl?: string };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly seed: 'demo' | 'none';
  readonly production: boolean;
  readonly logLevel: string;
  readonly logPretty: boolean;
  /** false, a number of proxy hops, or the proxies' addresses/CIDRs. */
  readonly trustProxy: false | number | string[];
  readonly secureCookies: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  /** Sign-in attempts allowed per client address per minute. */
  readonly loginRatePerMinute: number;
  /** Requests per client address per minute on public write and lookup routes (codes, filing, status). */
  readonly publicRatePerMinute: number;
  /** Largest photo accepted for upload, in bytes, before it is shrunk and re-encoded. */
  readonly photoMaxBytes: number;
  readonly webDir: string;
  readonly workers: boolean;
  readonly workerIntervalMs: number;
  /** How often the search indexer looks for new appeals (the index may lag intake by about this much). */
  readonly searchIndexIntervalMs: number;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  PORT: int(1, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MINHU_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: 'must start with file: (SQLite) or postgres:// (PostgreSQL)',
    }),
  MINHU_REPORTING_DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^postgres(ql)?:\/\//.test(v), { message: 'must start with postgres:// (a read replica of DATABASE_URL)' }),
  MINHU_SEED: z.enum(['demo', 'none']).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MINHU_LOG_PRETTY: bool.optional(),
  MINHU_TRUST_PROXY: z
    .string()
    .regex(/^(false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'must be false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs')
    .default('false'),
  MINHU_SECURE_COOKIES: bool.optional(),
  MINHU_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  MINHU_SESSION_MAX_HOURS: int(1, 24 * 30).default(12),
  MINHU_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  MINHU_LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  MINHU_LOGIN_RATE_PER_MINUTE: int(1, 100_000).default(20),
  MINHU_PUBLIC_RATE_PER_MINUTE: int(1, 100_000_000).default(30),
  MINHU_PHOTO_MAX_BYTES: int(64 * 1024, 50 * 1024 * 1024).default(8 * 1024 * 1024),
  MINHU_WEB_DIR: z.string().min(1).optional(),
  MINHU_WORKERS: bool.default(true),
  MINHU_WORKER_INTERVAL_MS: int(100, 3_600_000).default(5000),
  MINHU_SEARCH_INDEX_INTERVAL_MS: int(50, 60_000).default(250),
});

/** Raised when the environment cannot be turned into a valid configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads, validates and freezes the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '?');
        return `${name}: ${i.message} (got ${JSON.stringify(raw[name])})`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.MINHU_DATA_DIR);
  let database: DatabaseConfig;
  if (!e.DATABASE_URL) database = { engine: 'sqlite', file: path.join(dataDir, 'minhu.sqlite') };
  else if (e.DATABASE_URL.startsWith('file:'))
    database = { engine: 'sqlite', file: path.resolve(cwd, e.DATABASE_URL.slice('file:'.length)) };
  else database = { engine: 'postgres', url: e.DATABASE_URL, ...(e.MINHU_REPORTING_DATABASE_URL ? { reportingUrl: e.MINHU_REPORTING_DATABASE_URL } : {}) };
  if (e.MINHU_REPORTING_DATABASE_URL && database.engine !== 'postgres')
    throw new ConfigError([`MINHU_REPORTING_DATABASE_URL: needs DATABASE_URL on PostgreSQL (a replica of it) (got ${JSON.stringify(e.MINHU_REPORTING_DATABASE_URL)})`]);
  const production = e.NODE_ENV === 'production';
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: Object.freeze(database),
    // Demo accounts share a published password: never by default in production.
    seed: e.MINHU_SEED ?? (production ? 'none' : 'demo'),
    production,
    logLevel: e.LOG_LEVEL,
    logPretty: e.MINHU_LOG_PRETTY ?? (!production && Boolean(process.stdout.isTTY)),
    trustProxy: e.MINHU_TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.MINHU_TRUST_PROXY) ? Number(e.MINHU_TRUST_PROXY) : e.MINHU_TRUST_PROXY.split(','),
    secureCookies: e.MINHU_SECURE_COOKIES ?? production,
    sessionIdleMinutes: e.MINHU_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.MINHU_SESSION_MAX_HOURS,
    loginMaxFailures: e.MINHU_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.MINHU_LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.MINHU_LOGIN_RATE_PER_MINUTE,
    publicRatePerMinute: e.MINHU_PUBLIC_RATE_PER_MINUTE,
    photoMaxBytes: e.MINHU_PHOTO_MAX_BYTES,
    workers: e.MINHU_WORKERS,
    workerIntervalMs: e.MINHU_WORKER_INTERVAL_MS,
    searchIndexIntervalMs: e.MINHU_SEARCH_INDEX_INTERVAL_MS,
    webDir: e.MINHU_WEB_DIR ? path.resolve(cwd, e.MINHU_WEB_DIR) : path.join(packageRoot(), 'dist/web'),
  });
}

/** The project root, whether running from TypeScript sources or from the compiled dist/. */
export function packageRoot(): string {
  const here = import.meta.dirname;
  return path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../..') : path.resolve(here, '..');
}

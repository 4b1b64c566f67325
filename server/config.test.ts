import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('defaults to SQLite in ./data on port 3000 with demo data', () => {
    const c = loadConfig({}, '/srv/minhu');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ engine: 'sqlite', file: '/srv/minhu/data/minhu.sqlite' });
    expect(c.seed).toBe('demo');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('selects PostgreSQL or another SQLite file from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ engine: 'postgres', url: 'postgres://u@h:5432/db' });
    expect(loadConfig({ DATABASE_URL: 'file:other.db' }, '/x').database).toEqual({ engine: 'sqlite', file: '/x/other.db' });
  });

  it('refuses bad values and names each bad variable', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MINHU_SEED: 'lots' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"eighty"');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('MINHU_SEED');
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('secure cookies follow production unless set', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', MINHU_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });
});

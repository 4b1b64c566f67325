import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Browser tests share two cores with a server and each other under CI.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});

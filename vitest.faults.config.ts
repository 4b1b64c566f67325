import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the fault tests at full counts (10 kills, 10 s outages…), one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 900_000,
    hookTimeout: 120_000,
    env: { MINHU_FAULTS_FULL: '1' },
    reporters: ['default'],
  },
});

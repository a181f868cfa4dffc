import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // e2e tests each start a host and a browser; two cores, so keep files from piling up.
    maxWorkers: 2,
    fileParallelism: true,
  },
});

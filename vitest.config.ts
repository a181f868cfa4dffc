import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // e2e polls wait on a shared 2-core machine; a second is too short when the CPU is busy.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // e2e tests each start a host and a browser; two cores, so keep files from piling up.
    maxWorkers: 2,
    fileParallelism: true,
  },
});

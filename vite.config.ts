import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const postgres = !!process.env.TEST_DATABASE_URL && process.env.TEST_DIALECTS !== 'sqlite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 3000 },
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 120000,
    pool: 'forks',
    // On SQLite alone, at least two files at once: route tests mostly wait on their server and
    // database, so on a two-core machine (CI) two workers take three quarters of the time of
    // Vitest's default one. With PostgreSQL, Vitest's default: files running side by side there
    // have lost their fresh schema mid-migration ("schema … does not exist"), not yet explained.
    maxWorkers: postgres ? undefined : Math.max(2, availableParallelism() - 1)
  }
});

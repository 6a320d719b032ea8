import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const build = process.env.LOFTEN_BUILD_DIR ?? 'build';
const dbPath = `/tmp/loften-e2e-${port}.db`;

// Browser tests drive Debian's Chromium (never a downloaded browser) against the built server,
// on a fresh SQLite database in demo mode.
export default defineConfig({
  testDir: 'test/e2e',
  // In CI the browser tests share two cores with PostgreSQL's test run (.ci/run): twice the time.
  timeout: process.env.CI ? 120_000 : 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  },
  webServer: {
    command: `rm -f ${dbPath}* && node ${build}/index.js`,
    url: `http://localhost:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      BODY_SIZE_LIMIT: '10M',
      PORT: String(port),
      ORIGIN: `http://localhost:${port}`,
      SQLITE_PATH: dbPath,
      LOFTEN_DEMO: 'true'
    }
  }
});

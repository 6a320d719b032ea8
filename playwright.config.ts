import { defineConfig } from '@playwright/test';

const port = 3100;

// Browser tests drive Debian's Chromium (never a downloaded browser) against the built server,
// on a fresh SQLite database in demo mode.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
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
    command: `rm -f /tmp/loften-e2e.db* && node build/index.js`,
    url: `http://localhost:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      BODY_SIZE_LIMIT: '10M',
      PORT: String(port),
      ORIGIN: `http://localhost:${port}`,
      SQLITE_PATH: '/tmp/loften-e2e.db',
      LOFTEN_DEMO: 'true'
    }
  }
});

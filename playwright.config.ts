import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices, chromium } from '@playwright/test';

// Playwright's own Chromium cannot be downloaded here: use Debian's when absent.
function executablePath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

// The suite runs against the production build (its standalone server, NODE_ENV=production),
// so a production-only bug fails it; the few specs about development-only
// features (e2e/dev/: the email sign-in, the local test checkout, the slowed
// local provider) run against `next dev` on the next port. E2E_DEV=0 leaves
// the development server and its specs out, E2E_PROD=0 the production ones.
const port = Number(process.env.E2E_PORT ?? 3100);
const devPort = Number(process.env.E2E_DEV_PORT ?? port + 1);
const baseURL = `http://localhost:${port}`;
const devBaseURL = `http://localhost:${devPort}`;
const withDev = process.env.E2E_DEV !== '0';
const withProd = process.env.E2E_PROD !== '0';
// e2e/scale/: two standalone production servers on one database, started by the spec itself
// (no webServer); E2E_SCALE=0 leaves that project out.
const withScale = process.env.E2E_SCALE !== '0';

const server = (mode: 'production' | 'development', p: number) => ({
  command: `node scripts/e2e-server.mjs --mode=${mode}`,
  url: `http://localhost:${p}/api/ready`,
  env: { E2E_PORT: String(p) },
  reuseExistingServer: !process.env.CI,
  // The production server may build first (no build yet, or one older than the tree).
  timeout: mode === 'production' ? 900_000 : 240_000,
  // Request logs are noise in CI; E2E_VERBOSE=1 shows them. Errors (stderr) always show.
  stdout: process.env.E2E_VERBOSE ? ('pipe' as const) : ('ignore' as const),
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: './e2e',
  // Outside the project: the dev server watches the tree, and traces written
  // into it while a test runs make it recompile and reload pages in a loop.
  outputDir: path.join(os.tmpdir(), `trailroom-playwright-${port}`),
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.cache/test-results/playwright.json',
      },
    ],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: executablePath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    ...(withProd
      ? [
          { name: 'setup', testMatch: /.*\.setup\.ts/, testIgnore: [/e2e\/dev\//, /e2e\/scale\//] },
          {
            name: 'chromium',
            use: { ...devices['Desktop Chrome'] },
            dependencies: ['setup'],
            testIgnore: [/.*\.setup\.ts/, /e2e\/dev\//, /e2e\/scale\//],
          },
        ]
      : []),
    ...(withDev
      ? [
          {
            name: 'dev-setup',
            testDir: './e2e/dev',
            testMatch: /.*\.setup\.ts/,
            use: { baseURL: devBaseURL },
          },
          {
            name: 'dev',
            testDir: './e2e/dev',
            testIgnore: /.*\.setup\.ts/,
            use: { ...devices['Desktop Chrome'], baseURL: devBaseURL },
            dependencies: ['dev-setup'],
          },
        ]
      : []),
    ...(withScale ? [{ name: 'scale', testDir: './e2e/scale', timeout: 300_000 }] : []),
  ],
  webServer: [
    ...(withProd ? [server('production', port)] : []),
    ...(withDev ? [server('development', devPort)] : []),
  ],
});

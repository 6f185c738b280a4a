import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

// Two projects: `unit` (pure, no database) and `integration` (`*.int.test.ts`,
// against a real MongoDB-wire server started once per run, a fresh database
// per test file).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['{lib,app,components,inngest,models,scripts,sdk}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.{ts,tsx}', 'node_modules/**'],
          setupFiles: ['./vitest.setup.unit.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['{lib,app,components,inngest,models,scripts}/**/*.int.test.{ts,tsx}'],
          globalSetup: ['./vitest.global-db.ts'],
          setupFiles: ['./vitest.setup.db.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

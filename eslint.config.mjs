import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next*/**',
      '.data/**',
      '.cache/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      // Generated from storefront/embed.ts (scripts/build-embed.mjs), which is linted.
      'public/embed.js',
      // Go module pins; the launchers in tools/launchers are linted.
      'tools/*/**',
      '!tools/launchers/**',
    ],
  },
  {
    rules: {
      // Settings come only from the validated env module (lib/env.ts).
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings from lib/env.ts, not process.env.',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // No import cycle anywhere (dynamic imports included): layers point down.
    files: ['**/*.{ts,tsx,mjs}'],
    // Packages cannot import our code back: do not walk node_modules.
    settings: { 'import/ignore': ['node_modules'] },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // lib/ is the domain: it never imports the adapters above it. The job runner is
    // registered at start-up (inngest/register.ts); tests may drive routes and functions.
    files: ['lib/**/*.{ts,tsx}'],
    // No exception: test support (lib/testing/) starts local servers through the launchers
    // in tools/launchers/, which the npm scripts share. Tests may drive routes and functions.
    ignores: ['lib/**/*.test.ts', 'lib/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)(inngest|app|scripts)(/|$)',
              message:
                'lib/ never imports inngest/, app/ or scripts/ (layers point down; register at start-up).',
            },
            {
              regex: '^@/lib/testing(/|$)',
              message: 'lib/testing is test support: only tests, benches and e2e import it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Product code outside lib/ never loads test support either.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'inngest/**/*.ts', 'models/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@/lib/testing(/|$)',
              message: 'lib/testing is test support: only tests, benches and e2e import it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Request schemas are shared by a route and its form, so they must load in the browser:
    // zod, lib constants and other schema modules only. Type-only imports are erased and
    // fine; the models' enum values come from the Mongoose-free models/enums.ts.
    files: ['lib/**/schemas.ts', 'lib/**/*-schemas.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(@/models(?!/enums(-[a-z]+)*$)|mongoose$|mongodb$|node:|@/lib/(db|env|log|auth|storage|metrics|telemetry)(/|$)|server-only$|next/(headers|server)$|next-auth|stripe$|inngest|sharp$|openai$|@google/)',
              allowTypeImports: true,
              message:
                'Schema modules are browser-safe (forms import them): zod, lib constants and schemas only; enum values from @/models/enums.',
            },
          ],
        },
      ],
    },
  },
  {
    // Launchers, test harnesses and build configs run outside the app and own their environment.
    files: [
      'scripts/**',
      'tools/launchers/**',
      'deploy/**',
      'e2e/**',
      '*.config.*',
      'vitest.*',
      'next.config.ts',
      '**/*.test.ts',
      '**/*.test.tsx',
      'bench/**',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
];

export default config;

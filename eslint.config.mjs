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
      'tools/**',
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
    // Launchers, test harnesses and build configs run outside the app and own their environment.
    files: [
      'scripts/**',
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

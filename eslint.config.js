import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'lib/',
      'node_modules/',
      'coverage/',
      '.metrics/',
      '.bench-build/',
      '.tools/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The core stays light: library and CLI users must not pull in the Actions toolkit.
    files: [
      'src/core/**',
      'src/insight/**',
      'src/report/**',
      'src/cli/**',
      'src/export/**',
      'src/index.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@actions/*'] }],
    },
  },
  {
    // The layers hold: data travels command → record → store → insight → reports, and the lower
    // layers never reach up into the action or the CLI (which may import them, not the reverse).
    files: ['src/core/**', 'src/insight/**', 'src/report/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'The core stays free of the Actions toolkit.' },
            {
              group: ['**/action/*', '**/cli/*'],
              message: 'core, insight and report must not import from src/action or src/cli.',
            },
          ],
        },
      ],
    },
  },
  {
    // The dashboard's in-page script runs in the browser: no Node modules, nothing from the
    // model's Node side; only the shared wire format (layout.ts) and the formatters.
    files: ['src/report/dashboard/client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|\\.\\./layout\\.js$|\\.\\./\\.\\./format\\.js$)',
              message: 'The browser script imports only ./*, ../layout.js and ../../format.js.',
            },
          ],
        },
      ],
    },
  },
);

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
);

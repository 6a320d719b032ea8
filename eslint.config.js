import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const dbLibraries = ['kysely', 'better-sqlite3', 'pg'];
const dbPatterns = dbLibraries.map((name) => ({
  group: [name, `${name}/*`],
  message: 'Only src/lib/server/db imports the database libraries (see docs/ARCHITECTURE.md).'
}));

// Server code never reaches up into Svelte components (labels live in lib/i18n).
const serverPatterns = [
  {
    group: ['$lib/components/*', '$lib/components/**', '**/components/*', '**/components/**'],
    message: 'Server code never imports components; words and labels live in lib/i18n.'
  }
];

export default ts.config(
  {
    ignores: [
      'build/',
      'build-*/',
      '.svelte-kit/',
      '.svelte-kit-*/',
      'node_modules/',
      'test-results/',
      'playwright-report/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'svelte/no-navigation-without-resolve': 'off'
    }
  },
  // The core is pure: nothing of ours outside itself, no Node built-ins, no database.
  {
    files: ['src/lib/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['$lib/*', '$app/*', '../server/*', '../components/*', '../../*'],
              message: 'lib/core imports nothing of ours outside itself.'
            },
            { group: ['node:*'], message: 'lib/core runs in the browser too: no Node built-ins.' },
            ...dbPatterns
          ]
        }
      ]
    }
  },
  // Everything outside src/lib/server/db (and the migration-free tests of db) keeps away from the database libraries.
  {
    files: ['src/**'],
    ignores: ['src/lib/server/db/**', 'src/lib/core/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...dbPatterns,
            {
              group: ['$lib/server/db/repositories/*', '**/db/repositories/*'],
              message: 'Routes and the CLI call services, never repositories.'
            }
          ]
        }
      ]
    }
  },
  // Services may use repositories; they still keep away from the database libraries themselves.
  {
    files: ['src/lib/server/services/**', 'src/lib/server/jobs/**', 'src/lib/server/seed/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...dbPatterns, ...serverPatterns] }] }
  }
);

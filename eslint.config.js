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

// Only src/lib/server/storage talks to the object store; services use its photo store.
const storePatterns = [
  {
    group: ['@aws-sdk/*'],
    message: 'Only src/lib/server/storage imports the object store client (docs/WALKS.md).'
  }
];
// The libraries of the database and the object store, each behind its own folder.
const libraryPatterns = [...dbPatterns, ...storePatterns];

// Server code never reaches up into Svelte components (labels live in lib/i18n).
const serverPatterns = [
  {
    group: ['$lib/components/*', '$lib/components/**', '**/components/*', '**/components/**'],
    message: 'Server code never imports components; words and labels live in lib/i18n.'
  }
];

// Routes: the app context comes from event.locals (hooks.server.ts), and service errors and the
// sign-in redirect go through withLoad/withAction/withApi in src/lib/server/http.ts, never by hand.
const routeRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: '$lib/server/app',
          importNames: ['getApp'],
          message: 'Routes use event.locals.ctx (or the ctx withLoad/withAction/withApi hand over).'
        }
      ],
      patterns: [
        ...libraryPatterns,
        {
          group: [
            '$lib/server/db/repositories/*',
            '$lib/server/db/repositories/**',
            '**/db/repositories/*',
            '**/db/repositories/**'
          ],
          message: 'Routes and the CLI call services, never repositories.'
        }
      ]
    }
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector:
        'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|replaceInto|mergeInto)$/]',
      message:
        'Write queries in src/lib/server/db/repositories and call them (docs/ARCHITECTURE.md).'
    },
    {
      selector:
        "IfStatement[test.operator='instanceof'][test.right.name=/^(NotFoundError|ForbiddenError|UnauthenticatedError)$/] > ExpressionStatement.consequent > CallExpression[callee.name=/^(error|redirect)$/]",
      message:
        'withLoad/withAction/withApi (src/lib/server/http.ts) turn service errors into 404/403/sign-in.'
    },
    {
      selector: 'TemplateElement[value.raw=/^\\/logga-in\\?next=/]',
      message: 'Use withLoad(event, fn, { signIn: true }) for the sign-in redirect.'
    }
  ]
};

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
            ...libraryPatterns
          ]
        }
      ]
    }
  },
  // Everything outside src/lib/server/db (and the migration-free tests of db) keeps away from the database libraries.
  {
    files: ['src/**'],
    ignores: [
      'src/lib/server/db/**',
      'src/lib/server/storage/**',
      'src/lib/core/**',
      '**/*.test.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...libraryPatterns,
            {
              group: [
                '$lib/server/db/repositories/*',
                '$lib/server/db/repositories/**',
                '**/db/repositories/*',
                '**/db/repositories/**'
              ],
              message: 'Routes and the CLI call services, never repositories.'
            }
          ]
        }
      ]
    }
  },
  // The photo store: the object store's client, never the database or components.
  {
    files: ['src/lib/server/storage/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...dbPatterns, ...serverPatterns] }]
    }
  },
  // Services may use repositories; they still keep away from the database libraries themselves.
  {
    files: ['src/lib/server/services/**', 'src/lib/server/jobs/**', 'src/lib/server/seed/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...libraryPatterns, ...serverPatterns] }]
    }
  },
  // Services never reach into the demo seed: the seed uses services, not the other way round.
  {
    files: ['src/lib/server/services/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...libraryPatterns,
            ...serverPatterns,
            {
              group: ['**/seed/*', '**/seed/**', '$lib/server/seed/*'],
              message:
                'Services never import the seed; the seed uses services (docs/ARCHITECTURE.md).'
            }
          ]
        }
      ]
    }
  },
  // Renderers take their own input types: no services, no database, no components.
  {
    files: ['src/lib/server/render/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...libraryPatterns,
            ...serverPatterns,
            {
              group: ['**/services/*', '**/services/**', '**/db/*', '**/db/**', '**/seed/**'],
              message:
                'render/ takes its own input types and never imports services or the database.'
            }
          ]
        }
      ]
    }
  },
  // Jobs know their type (jobs/job.ts); only the registry lists them and only the runner runs them.
  {
    files: ['src/lib/server/jobs/*.job.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...libraryPatterns,
            ...serverPatterns,
            { group: ['./runner', './registry'], message: 'A job never imports the runner back.' }
          ]
        }
      ]
    }
  },
  // Queries live in src/lib/server/db: no query builder call anywhere else.
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/server/db/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|replaceInto|mergeInto)$/]',
          message:
            'Write queries in src/lib/server/db/repositories and call them (docs/ARCHITECTURE.md).'
        }
      ]
    }
  },
  {
    files: ['src/routes/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: routeRules
  }
);

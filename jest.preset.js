// One Jest setup for every project: SWC transform (decorators + metadata for TypeORM/Nest),
// tsconfig path aliases, UTC clock, no committed `.only` (see eslint).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

const ESM_ONLY_PACKAGES = ['content-disposition'];

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
    [`/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { module: { type: 'commonjs' } },
    ],
  },
  // ESM-only dependencies (Node 20.19 requires them natively, Jest's CommonJS runtime cannot):
  // content-disposition, under @fastify/static (Swagger UI's files on Fastify).
  transformIgnorePatterns: [
    `^(?!.*/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/).*/node_modules/`,
  ],
  moduleNameMapper,
  setupFiles: [path.join(__dirname, 'tools/testing/utc-clock.js')],
};

// Runs one project's Jest suites a second time on another database engine (the `test-<engine>`
// targets): the server comes from the engine's variable; when it is unset the suites do not run
// and one line says so. Test path patterns after the project root run only the suites they match
// (the suites whose behaviour differs on that engine), as Jest's own positional arguments do; Jest
// options pass through too (`--testPathIgnorePatterns a b`: every suite but those, which never
// reach that engine's server).
// Usage: node tools/testing/test-on-engine.js <engine> <project> <projectRoot> [pattern | option ...]
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** Each engine a project's suites can run on besides the default server, and its variable. */
const ENGINES = {
  timescaledb: { variable: 'TIMESCALEDB_URL', label: 'TimescaleDB', readme: 'TimescaleDB' },
  citus: { variable: 'CITUS_URL', label: 'Citus', readme: 'Scaling out' },
};

const [engine, project, projectRoot, ...patterns] = process.argv.slice(2);
const settings = ENGINES[engine];
if (!settings || !project || !projectRoot) {
  console.error(
    `usage: test-on-engine.js <${Object.keys(ENGINES).join('|')}> <project> <projectRoot> [pattern ...]`,
  );
  process.exit(2);
}

const url = process.env[settings.variable];
if (!url) {
  console.log(
    `${project}: the ${settings.label} suites did not run: ${settings.variable} is not set (.ci/run sets it; see the README, "${settings.readme}")`,
  );
  process.exit(0);
}

const root = path.join(__dirname, '../..');
const jest = spawnSync(
  process.execPath,
  [
    require.resolve('jest/bin/jest', { paths: [root] }),
    '--config',
    path.join(projectRoot, 'jest.config.js'),
    '--json',
    `--outputFile=tmp/test-results/${project}-${engine}.json`,
    ...patterns,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    // Read by the Jest global setup of @securities/database (libs/database/src/testing).
    env: { ...process.env, SECURITIES_TEST_SERVER_URL: url, SECURITIES_TEST_ENGINE: engine },
  },
);
process.exit(jest.status ?? 1);

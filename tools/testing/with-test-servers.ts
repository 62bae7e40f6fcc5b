// Runs a command (`npm test`: nx run-many over every project) so that its Jest runs share their
// test servers and prepared datasets: one embedded PostgreSQL 16 for every default pass (unless
// DATABASE_URL names a server), and one run id, so the `base` and `tiny` templates are built once
// per server for all the runs instead of once per run; at the end it drops them and stops the
// server. Each test file still gets its own database, copied from the template.
// Usage: node -r @swc-node/register tools/testing/with-test-servers.ts <command> [args...]
import {
  dropDatasetTemplates,
  newTestRunId,
  startTestServer,
  TEST_RUN_ID,
  TEST_SERVER_URL,
} from '@securities/database/testing';
import { spawn } from 'node:child_process';

/**
 * Room for the connections of two Jest runs at once (nx runs two tasks side by side), each with
 * its API under test, pools and CLIs: PostgreSQL's default of 100 is not.
 */
const SHARED_SERVER_SETTINGS = { max_connections: '400' };

/** The servers a Jest run of the command may build templates on besides the shared one. */
const ENGINE_VARIABLES = ['DATABASE_URL', 'TIMESCALEDB_URL', 'CITUS_URL'];

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: with-test-servers.ts <command> [args...]');
    return 2;
  }
  const runId = newTestRunId();
  // DATABASE_URL, when set, is the default pass's server, as for a Jest run alone.
  const shared = process.env.DATABASE_URL
    ? undefined
    : await startTestServer(SHARED_SERVER_SETTINGS);
  const env: NodeJS.ProcessEnv = { ...process.env, [TEST_RUN_ID]: runId };
  if (shared) env[TEST_SERVER_URL] = shared.adminUrl;
  try {
    return await run(command, args, env);
  } finally {
    for (const url of ENGINE_VARIABLES.map((name) => process.env[name]))
      if (url)
        await dropDatasetTemplates(url, runId).catch((error: Error) =>
          console.error(
            `with-test-servers: the test templates on ${new URL(url).host} stay: ${error.message}`,
          ),
        );
    await shared?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`with-test-servers: ${error.message}`);
    process.exit(1);
  },
);

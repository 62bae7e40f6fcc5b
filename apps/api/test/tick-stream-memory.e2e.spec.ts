import {
  createTestDatabase,
  freePort,
  spawnWorkspaceScript,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
  waitForOutput,
  WorkspaceProcess,
} from '@securities/database/testing';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';

/** Resident memory of a process, from /proc (Linux, like CI). */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

const MIN_ROWS = 2_000_000;
const MAX_GROWTH_BYTES = 50 * 1024 * 1024;
const PARALLEL_STREAMS = 3;

describe('streaming ticks keeps the API process flat in memory', () => {
  // The API under test is a process of its own (its memory is what is measured), on the database.
  let db: TestDatabase;
  let api: WorkspaceProcess;
  let base: string;
  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawnWorkspaceScript('apps/api/src/main.ts', [], {
      ...db.env,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    await waitForOutput(api, /Securities Platform API:/, 120_000);
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await db?.drop();
  });

  /**
   * Reads a CSV stream to its end without keeping it, counting its lines. A connection of its own
   * per stream (no keep-alive reuse racing the server's idle timeout on a busy machine).
   */
  function streamLines(security: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = get(
        `${base}/api/securities/${security}/ticks?format=csv`,
        { agent: false },
        (response) => {
          if (response.statusCode !== 200) {
            reject(
              new Error(`${security}: HTTP ${response.statusCode}; API output:\n${api.output()}`),
            );
            response.resume();
            return;
          }
          let lines = 0;
          response.on('data', (chunk: Buffer) => {
            for (const byte of chunk) if (byte === 10) lines += 1;
          });
          response.on('end', () => resolve(lines - 1));
          response.on('error', reject);
        },
      );
      request.on('error', (error) =>
        reject(new Error(`${security}: ${error.message}; API output:\n${api.output()}`)),
      );
    });
  }

  it(`stays within ${MAX_GROWTH_BYTES / 1024 / 1024} MB of growth while it streams at least ${MIN_ROWS.toLocaleString('en-US')} rows`, async () => {
    const securities = (
      (await db.dataSource.query(
        `SELECT security_id, count(*) AS ticks FROM tick_data GROUP BY 1 ORDER BY 1`,
      )) as { security_id: string; ticks: string }[]
    ).map((row) => ({ id: row.security_id, ticks: Number(row.ticks) }));
    // Warm up (JIT, pools, first COPY) before the baseline.
    await streamLines(securities[0].id);
    const pid = api.child.pid as number;
    const baseline = rssBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 100);
    let streamed = 0;
    let next = 1;
    try {
      const worker = async () => {
        while (streamed < MIN_ROWS && next < securities.length) {
          const security = securities[next++];
          const lines = await streamLines(security.id);
          expect(lines).toBe(security.ticks);
          streamed += lines;
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_STREAMS }, worker));
    } finally {
      clearInterval(sampler);
    }
    expect(streamed).toBeGreaterThanOrEqual(MIN_ROWS);
    expect(peak - baseline).toBeLessThan(MAX_GROWTH_BYTES);
  }, 600_000);
});

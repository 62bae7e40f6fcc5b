import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, QueryRunner } from 'typeorm';

/** Lines batched per chunk: few enough chunks that the stream's overhead stays small. */
const LINES_PER_CHUNK = 5_000;

function* chunks(lines: readonly string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += LINES_PER_CHUNK) {
    yield lines.slice(i, i + LINES_PER_CHUNK).join('\n') + '\n';
  }
}

/** Streams tab-separated lines into a COPY ... FROM STDIN (text format) on the client's transaction. */
export async function copyText(
  client: PoolClient,
  sql: string,
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  await pipeline(Readable.from(chunks(lines)), client.query(copyFrom(sql)));
}

/**
 * Runs `work` in one transaction, on a connection whose pg client also takes COPY streams: all
 * of it commits, or (on an error or a kill) none of it.
 */
export async function inCopyTransaction<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner, client: PoolClient) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    const result = await work(runner, client);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

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

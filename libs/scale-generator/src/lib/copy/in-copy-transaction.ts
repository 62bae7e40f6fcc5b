import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';

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

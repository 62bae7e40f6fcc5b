import { MigrationInterface, QueryRunner } from 'typeorm';
import { installedTickStorage } from '../schema/tick-storage';

/**
 * How long after a month's chunk has ended the policy compresses it: a week for late corrections,
 * which then go to the uncompressed chunk rather than decompressing a compressed one.
 */
export const TICK_COMPRESS_AFTER = '7 days';
/** How often the compression policy looks for chunks to compress. */
const COMPRESSION_SCHEDULE = '12 hours';
/**
 * Rows per compressed batch: TimescaleDB's limit (the default is 1,000), so a security's whole
 * 30-day chunk (at most 22 sessions x 1,170 ticks) is one batch: 19.9 instead of 22.2 bytes a
 * tick, measured, for a one-day query that decompresses one security-month instead of a couple
 * of 1,000-row batches (0.3 -> 2.4 ms warm; README, "TimescaleDB").
 */
export const TICK_COMPRESSION_BATCH_ROWS = 32_767;

const setBatchRows = (value: string) => `
  DO $$ BEGIN
    EXECUTE format('ALTER DATABASE %I ${value}', current_database());
  END $$;`;

/**
 * TimescaleDB only (plain partitions have no compression): tick_data compressed per chunk, one
 * segment per security ordered by time, one batch per security and chunk; and the policy that
 * compresses each finished chunk. The scale generator
 * compresses as it loads and pauses the policy meanwhile. The first run is one schedule away, not
 * at once, so a database migrated a moment ago is not compressed under whoever is filling it.
 */
export class CompressTickData1732500000600 implements MigrationInterface {
  name = 'CompressTickData1732500000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    if ((await installedTickStorage(queryRunner)) !== 'timescaledb') return;
    await queryRunner.query(`
      ALTER TABLE tick_data SET (timescaledb.compress, timescaledb.compress_segmentby = 'security_id',
                                 timescaledb.compress_orderby = 'tick_time');
      SELECT add_compression_policy('tick_data', compress_after => INTERVAL '${TICK_COMPRESS_AFTER}',
                                    schedule_interval => INTERVAL '${COMPRESSION_SCHEDULE}',
                                    initial_start => now() + INTERVAL '${COMPRESSION_SCHEDULE}');`);
    // For every session of this database: the generator's and the policy's.
    await queryRunner.query(
      setBatchRows(`SET timescaledb.compression_batch_size_limit = ${TICK_COMPRESSION_BATCH_ROWS}`),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if ((await installedTickStorage(queryRunner)) !== 'timescaledb') return;
    // Compression can only be switched off with every chunk decompressed: the rows stay.
    await queryRunner.query(`
      SELECT remove_compression_policy('tick_data', if_exists => true);
      SELECT decompress_chunk(c, if_compressed => true) FROM show_chunks('tick_data') c;
      ALTER TABLE tick_data SET (timescaledb.compress = false);`);
    await queryRunner.query(setBatchRows('RESET timescaledb.compression_batch_size_limit'));
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CITUS_DISTRIBUTED_TABLES,
  CITUS_REFERENCE_TABLES,
  CITUS_SHARD_COUNT,
  citusReaderAuthSql,
  citusSequentialTransaction,
  isCitusDatabase,
  REMOVE_CITUS_READER_AUTH_SQL,
} from '../schema/citus';
import { SchemaSettings } from './schema-settings';
import { sqlLiteral } from './sql';

const TRANSACTIONS_COLUMN = CITUS_DISTRIBUTED_TABLES.find(
  ({ table }) => table === 'transactions',
)?.column;

/**
 * Citus takes one subcommand per ALTER TABLE and one statement per query (transactions is a Citus
 * table as soon as a table it references is one).
 */
const TRANSACTIONS_KEY = (columns: string) => [
  'ALTER TABLE transactions DROP CONSTRAINT transactions_pkey',
  `ALTER TABLE transactions ADD CONSTRAINT transactions_pkey PRIMARY KEY (${columns})`,
];

/**
 * Citus only (the `citus` extension created in this database, its workers registered): the small
 * tables become reference tables (a copy on every node), the large ones are sharded as
 * CITUS_DISTRIBUTED_TABLES says (tick_data and pricing_history by security, holdings_history,
 * transactions and variance_quarterly by portfolio), tick_data still range-partitioned by month
 * (each month's partition sharded alike; partitions added later are sharded as they are created).
 *
 * A distributed table's unique constraints must contain its distribution column, so on this path
 * transactions' primary key is (txn_id, portfolio_id): txn_id stays unique because the generator
 * and the loader number trades once, but the database no longer enforces it alone.
 *
 * The coordinator opens connections to the workers as the role running the query; the read-only
 * role's password for them is recorded in pg_dist_authinfo (and kept in step when it changes).
 */
export function createDistributeOnCitusMigration(settings: SchemaSettings) {
  return class DistributeOnCitus1732500001000 implements MigrationInterface {
    name = 'DistributeOnCitus1732500001000';

    async up(queryRunner: QueryRunner): Promise<void> {
      if (!(await isCitusDatabase(queryRunner))) return;
      await citusSequentialTransaction(queryRunner);
      for (const table of CITUS_REFERENCE_TABLES)
        await queryRunner.query(`SELECT create_reference_table(${sqlLiteral(table)})`);
      for (const sql of TRANSACTIONS_KEY(`txn_id, ${TRANSACTIONS_COLUMN}`))
        await queryRunner.query(sql);
      for (const { table, column, colocateWith } of CITUS_DISTRIBUTED_TABLES) {
        const placement = colocateWith
          ? `colocate_with => ${sqlLiteral(colocateWith)}`
          : `colocate_with => 'none', shard_count => ${CITUS_SHARD_COUNT}`;
        await queryRunner.query(
          `SELECT create_distributed_table(${sqlLiteral(table)}, ${sqlLiteral(column)}, ${placement})`,
        );
      }
      for (const sql of citusReaderAuthSql(settings.readonlyRole)) await queryRunner.query(sql);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      if (!(await isCitusDatabase(queryRunner))) return;
      await citusSequentialTransaction(queryRunner);
      await queryRunner.query(REMOVE_CITUS_READER_AUTH_SQL(settings.readonlyRole.user));
      // Each table with every table its foreign keys reach (fx_rates and tick_data have none).
      const tables = [
        ...CITUS_DISTRIBUTED_TABLES.map(({ table }) => table),
        ...CITUS_REFERENCE_TABLES,
      ];
      for (const table of tables) {
        const [{ citus }] = await queryRunner.query(
          'SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = $1::regclass) AS citus',
          [table],
        );
        if (citus)
          await queryRunner.query(
            `SELECT undistribute_table(${sqlLiteral(table)}, cascade_via_foreign_keys => true)`,
          );
      }
      for (const sql of TRANSACTIONS_KEY('txn_id')) await queryRunner.query(sql);
    }
  };
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { detectTickStorage } from '../schema/tick-storage';
import { SchemaSettings } from './schema-settings';
import { sqlLiteral } from './sql';

const CREATE_TICK_TABLE = (partitionClause: string) => `
  CREATE TABLE tick_data (
    tick_time   timestamp     NOT NULL,
    volume      integer       NOT NULL CHECK (volume >= 0),
    bid_size    integer       NOT NULL CHECK (bid_size > 0),
    ask_size    integer       NOT NULL CHECK (ask_size > 0),
    trade_count integer       NOT NULL CHECK (trade_count >= 0),
    security_id varchar(16)   NOT NULL,
    price       numeric(12,4) NOT NULL,
    bid         numeric(12,4) NOT NULL,
    ask         numeric(12,4) NOT NULL,
    vwap        numeric(12,4) NOT NULL,
    CONSTRAINT tick_data_quote_check CHECK (bid < ask AND bid <= price AND price <= ask AND bid > 0)
  ) ${partitionClause};`;

// One unique index serves both lookups and uniqueness: the seed's idx_td_sec.
const CREATE_TICK_INDEX =
  'CREATE UNIQUE INDEX idx_td_sec ON tick_data (security_id, tick_time DESC);';

/**
 * Adds one partition per calendar month touching [from_date, to_date]; returns how many it created.
 * The generator calls it before writing ticks for a new range. On TimescaleDB chunks appear by
 * themselves, so there the same function exists and does nothing: callers need not know the path.
 */
const PARTITION_FUNCTION = `
  CREATE FUNCTION ensure_tick_partitions(from_date date, to_date date) RETURNS integer
  LANGUAGE plpgsql AS $$
  DECLARE
    month_start date;
    partition_name text;
    created integer := 0;
  BEGIN
    IF from_date IS NULL OR to_date IS NULL OR to_date < from_date THEN
      RAISE EXCEPTION 'ensure_tick_partitions: invalid range % .. %', from_date, to_date;
    END IF;
    month_start := date_trunc('month', from_date)::date;
    WHILE month_start <= to_date LOOP
      partition_name := format('tick_data_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
      IF to_regclass(partition_name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF tick_data FOR VALUES FROM (%L) TO (%L)',
                       partition_name, month_start, (month_start + interval '1 month')::date);
        created := created + 1;
      END IF;
      month_start := (month_start + interval '1 month')::date;
    END LOOP;
    RETURN created;
  END $$;`;

/**
 * Marks the extension as this migration's own, so `down` removes it only then: where the server
 * installs it for every database (the TimescaleDB Docker image does), it is not ours to remove.
 */
const EXTENSION_MARKER = 'installed by migration CreateTickData1732500000200';

const DROP_OWN_EXTENSION = `
  DO $$ BEGIN
    IF (SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'timescaledb')
       = ${sqlLiteral(EXTENSION_MARKER)} THEN
      DROP EXTENSION timescaledb;
    END IF;
  END $$;`;

const NOOP_PARTITION_FUNCTION = `
  CREATE FUNCTION ensure_tick_partitions(from_date date, to_date date) RETURNS integer
  LANGUAGE sql AS $$ SELECT 0 $$;`;

/**
 * tick_data: a TimescaleDB hypertable with 1-month chunks where the extension can be loaded,
 * otherwise a natively range-partitioned table with one partition per month. Same columns, same
 * unique index, same queries on both.
 */
export function createTickDataMigration(settings: SchemaSettings) {
  return class CreateTickData1732500000200 implements MigrationInterface {
    name = 'CreateTickData1732500000200';

    async up(queryRunner: QueryRunner): Promise<void> {
      if ((await detectTickStorage(queryRunner)) === 'timescaledb') {
        await queryRunner.query(`
          DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
              CREATE EXTENSION timescaledb;
              COMMENT ON EXTENSION timescaledb IS ${sqlLiteral(EXTENSION_MARKER)};
            END IF;
          END $$;`);
        await queryRunner.query(CREATE_TICK_TABLE(''));
        await queryRunner.query(
          "SELECT create_hypertable('tick_data', by_range('tick_time', INTERVAL '1 month'), create_default_indexes => false);",
        );
        await queryRunner.query(CREATE_TICK_INDEX);
        await queryRunner.query(NOOP_PARTITION_FUNCTION);
        return;
      }
      await queryRunner.query(CREATE_TICK_TABLE('PARTITION BY RANGE (tick_time)'));
      await queryRunner.query(CREATE_TICK_INDEX);
      await queryRunner.query(PARTITION_FUNCTION);
      const { from, to } = settings.tickDataRange;
      await queryRunner.query(
        `SELECT ensure_tick_partitions(${sqlLiteral(from)}, ${sqlLiteral(to)});`,
      );
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(
        'DROP FUNCTION ensure_tick_partitions(date, date); DROP TABLE tick_data;',
      );
      await queryRunner.query(DROP_OWN_EXTENSION);
    }
  };
}

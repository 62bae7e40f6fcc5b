import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data version: a counter the loader and the generator bump in the transactions that change
 * data, so the API can tag every answer with a strong ETag and answer If-None-Match with 304
 * without running a query. `bump_data_version()` also sends NOTIFY data_version (at commit), which
 * the API's workers LISTEN to.
 *
 * The counter lives in its own schema, `platform_meta`, beside the seed's 17 tables; the read-only
 * role reads it through `data_version()` (SECURITY DEFINER, executable by everyone) and cannot
 * bump it.
 */
export class CreateDataVersion1732500000500 implements MigrationInterface {
  name = 'CreateDataVersion1732500000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SCHEMA platform_meta;
      CREATE TABLE platform_meta.data_version (
        singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
        version    bigint      NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO platform_meta.data_version (version) VALUES (1);

      CREATE FUNCTION data_version() RETURNS bigint
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
        AS $$ SELECT version FROM platform_meta.data_version $$;

      CREATE FUNCTION bump_data_version() RETURNS bigint
        LANGUAGE plpgsql SET search_path = pg_catalog
        AS $$
        DECLARE
          bumped bigint;
        BEGIN
          UPDATE platform_meta.data_version SET version = version + 1, changed_at = now()
            RETURNING version INTO bumped;
          PERFORM pg_notify('data_version', bumped::text);
          RETURN bumped;
        END $$;
      REVOKE EXECUTE ON FUNCTION bump_data_version() FROM PUBLIC;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION bump_data_version();
      DROP FUNCTION data_version();
      DROP SCHEMA platform_meta CASCADE;
    `);
  }
}

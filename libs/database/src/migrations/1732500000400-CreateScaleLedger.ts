import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scale generator's resume ledger. It lives in its own schema, `scale_generator`, because it
 * is bookkeeping, not data: the seed's tables stay exactly the 17 in `public`, and the read-only
 * role the API uses never sees it.
 *
 * - scale_run: one row per run configuration (profile, seed, range) with the phases finished;
 * - scale_step: one row per finished unit of work (a security's ticks, a partition's index), each
 *   written in the same transaction as the work it records, so a kill leaves both or neither.
 */
export class CreateScaleLedger1732500000400 implements MigrationInterface {
  name = 'CreateScaleLedger1732500000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SCHEMA scale_generator;
      CREATE TABLE scale_generator.scale_run (
        run_key      text        PRIMARY KEY,
        parameters   jsonb       NOT NULL,
        started_at   timestamptz NOT NULL DEFAULT now(),
        finished_at  timestamptz,
        resumed      boolean     NOT NULL DEFAULT false
      );
      CREATE TABLE scale_generator.scale_step (
        run_key     text        NOT NULL REFERENCES scale_generator.scale_run (run_key) ON DELETE CASCADE,
        phase       text        NOT NULL,
        step        text        NOT NULL,
        rows        bigint      NOT NULL DEFAULT 0,
        seconds     double precision NOT NULL DEFAULT 0,
        finished_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT scale_step_pkey PRIMARY KEY (run_key, phase, step)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA scale_generator CASCADE;');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { SchemaSettings } from './schema-settings';
import { sqlIdentifier, sqlLiteral } from './sql';

/**
 * The role the API connects as: it may read every table, now and later (tick partitions are
 * added after this migration), and nothing else. Roles belong to the whole server, so `down`
 * revokes what this database granted and drops the role only when no other database uses it.
 */
export function createReadonlyRoleMigration(settings: SchemaSettings) {
  const role = sqlIdentifier(settings.readonlyRole.user);
  const roleName = sqlLiteral(settings.readonlyRole.user);
  const password = sqlLiteral(settings.readonlyRole.password);

  return class CreateReadonlyRole1732500000300 implements MigrationInterface {
    name = 'CreateReadonlyRole1732500000300';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${roleName}) THEN
            CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
          END IF;
        END $$;
        ALTER ROLE ${role} LOGIN PASSWORD ${password};
        ALTER ROLE ${role} SET default_transaction_read_only = on;
        DO $$ BEGIN
          EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${role.replace(/%/g, '%%')}', current_database());
        END $$;
        GRANT USAGE ON SCHEMA public TO ${role};
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${role};
      `);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM ${role};
        REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM ${role};
        REVOKE USAGE ON SCHEMA public FROM ${role};
        DO $$ BEGIN
          EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM ${role.replace(/%/g, '%%')}', current_database());
          IF NOT EXISTS (
            SELECT 1 FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid WHERE r.rolname = ${roleName}
          ) THEN
            EXECUTE 'DROP ROLE ${role.replace(/'/g, "''")}';
          END IF;
        END $$;
      `);
    }
  };
}

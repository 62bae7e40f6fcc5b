import { Client } from 'pg';

/** Drops a read-only role once no database refers to it any more (roles are server-wide). */
export async function dropRoleIfUnused(client: Client, role: string): Promise<void> {
  await client.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}')
         AND NOT EXISTS (SELECT 1 FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid
                         WHERE r.rolname = '${role}') THEN
        DROP ROLE ${role};
      END IF;
    END $$;`);
}

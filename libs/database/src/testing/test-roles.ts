import { ServerNodes, withClient } from '../schema/citus-cluster';

/**
 * Drops a read-only role once no database refers to it any more (roles are server-wide), on every
 * node: on Citus the role reached the workers with the database's grants, and dropping it on the
 * coordinator leaves theirs.
 */
export async function dropRoleIfUnused(nodes: ServerNodes, role: string): Promise<void> {
  for (const node of [nodes.coordinator, ...nodes.workers])
    await withClient(node, (admin) =>
      admin.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}')
         AND NOT EXISTS (SELECT 1 FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid
                         WHERE r.rolname = '${role}') THEN
        DROP ROLE ${role};
      END IF;
    END $$;`),
    );
}

import { Client } from 'pg';
import { sqlIdentifier } from '../migrations/sql';
import { isCitusDatabase } from './citus';

/**
 * A database server as the tools that create and drop whole databases see it: one node, or a
 * Citus coordinator and its workers. Citus keeps its metadata per database and does not create a
 * database on the workers by itself, so every database exists on every node under one name.
 */
export interface ServerNodes {
  /** Admin URL of the server (the coordinator on Citus). */
  coordinator: string;
  /** Admin URLs of the workers (same user, password and admin database); none without Citus. */
  workers: string[];
}

/** The connection string `url` with its database replaced by `database`. */
export function databaseUrl(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

export async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * The server at `adminUrl` and, when its admin database is a Citus coordinator's (the extension
 * created there, workers registered, as `citus/start-cluster` leaves it), its active workers.
 */
export async function serverNodes(adminUrl: string): Promise<ServerNodes> {
  return withClient(adminUrl, async (admin) => {
    if (!(await isCitusDatabase(admin))) return { coordinator: adminUrl, workers: [] };
    const { rows } = await admin.query<{ host: string; port: number }>(
      `SELECT nodename AS host, nodeport AS port FROM pg_dist_node
       WHERE groupid <> 0 AND isactive AND noderole = 'primary' ORDER BY nodeid`,
    );
    if (rows.length === 0)
      throw new Error(
        `${new URL(adminUrl).host} is a Citus coordinator without active workers (SELECT citus_add_node(host, port) registers one)`,
      );
    return {
      coordinator: adminUrl,
      workers: rows.map(({ host, port }) => {
        const url = new URL(adminUrl);
        url.hostname = host;
        url.port = String(port);
        return url.toString();
      }),
    };
  });
}

const everyNode = (nodes: ServerNodes) => [nodes.coordinator, ...nodes.workers];

/**
 * Creates `name` on every node (a copy of `template` where given: a file copy on each node, so
 * the shards on the workers are copied with the coordinator's metadata that names them); a new
 * empty database on Citus also gets the per-database set-up: the extension on every node, the
 * coordinator and the workers registered.
 */
export async function createServerDatabase(
  nodes: ServerNodes,
  name: string,
  template?: string,
): Promise<void> {
  const from = template ? ` TEMPLATE ${sqlIdentifier(template)} STRATEGY FILE_COPY` : '';
  for (const node of everyNode(nodes))
    await withClient(node, (admin) => admin.query(`CREATE DATABASE ${sqlIdentifier(name)}${from}`));
  if (template || nodes.workers.length === 0) return;
  for (const worker of nodes.workers)
    await withClient(databaseUrl(worker, name), (db) => db.query('CREATE EXTENSION citus'));
  await withClient(databaseUrl(nodes.coordinator, name), async (db) => {
    const { hostname, port } = new URL(nodes.coordinator);
    await db.query('CREATE EXTENSION citus');
    await db.query('SELECT citus_set_coordinator_host($1, $2)', [hostname, Number(port || 5432)]);
    for (const worker of nodes.workers) {
      const url = new URL(worker);
      await db.query('SELECT citus_add_node($1, $2)', [url.hostname, Number(url.port || 5432)]);
    }
  });
}

/** Tries of a DROP DATABASE that a session outlived (see dropServerDatabase), a second apart. */
const DROP_TRIES = 5;
/** PostgreSQL's object_in_use: "database ... is being accessed by other users". */
const OBJECT_IN_USE = '55006';

/**
 * Drops `name` on every node, coordinator first (no distributed query can start after it). The
 * database first refuses new connections: FORCE ends the ones open, and Citus's maintenance
 * daemon would otherwise connect again before the drop ("being accessed by other users"). FORCE
 * waits 5 s for them to end; a daemon that a new database's first connection has just started
 * can be inside a connection attempt of its transaction recovery for longer (seen once in CI on a
 * busy machine): then the drop is tried again.
 */
export async function dropServerDatabase(nodes: ServerNodes, name: string): Promise<void> {
  for (const node of everyNode(nodes))
    await withClient(node, async (admin) => {
      await admin
        .query(
          `ALTER DATABASE ${sqlIdentifier(name)} WITH IS_TEMPLATE false ALLOW_CONNECTIONS false`,
        )
        .catch(
          // Already gone on this node (a half-created database): DROP IF EXISTS says nothing.
          () => undefined,
        );
      for (let tried = 1; ; tried++) {
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${sqlIdentifier(name)} WITH (FORCE)`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== OBJECT_IN_USE || tried === DROP_TRIES)
            throw error;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    });
}

/**
 * Makes `name` a template on every node and closes its connections (Citus's maintenance daemon
 * and TimescaleDB's scheduler keep one), so copies never fail with "source database is being
 * accessed by other users".
 */
export async function markServerTemplate(nodes: ServerNodes, name: string): Promise<void> {
  for (const node of everyNode(nodes))
    await withClient(node, async (admin) => {
      await admin.query(
        `ALTER DATABASE ${sqlIdentifier(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
      );
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
    });
}

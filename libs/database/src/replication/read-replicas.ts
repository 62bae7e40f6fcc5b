import { Client } from 'pg';
import { isDatabaseUnavailable } from '../data-source/database-unavailable';
import { ConnectionSettings } from '../embedded/connection-settings';

/** Each replica is asked for its state this often... */
export const REPLICA_POLL_MS = 500;
/** ...and counted down when it does not answer within this: out of rotation within 2 s. */
export const REPLICA_TIMEOUT_MS = 1_000;

/** Where one read runs: a replica (its index in the configured list) or the primary. */
export type ReadTarget = number | 'primary';

/**
 * - `streaming`: answers, has replayed the primary's current data version: in rotation;
 * - `behind`: answers but has not yet replayed the data version the API's ETags promise;
 * - `down`: did not answer its last check, or a read on it just failed.
 */
export type ReplicaState = 'streaming' | 'behind' | 'down';

export interface ReplicaStatus {
  /** host:port/database, never credentials. */
  replica: string;
  state: ReplicaState;
  in_rotation: boolean;
  /** Seconds of replay behind the primary (0 when it has replayed all it received); null when down. */
  lag_seconds: number | null;
  /** The data version it has replayed; null when down. */
  data_version: string | null;
}

/**
 * Its lag: nothing when it has replayed every WAL record it received, else the age of the last
 * transaction it replayed (the primary's commit time of it). A server that is not in recovery
 * (not a standby) has no lag.
 */
const REPLICA_STATE_SQL = `
  SELECT data_version()::text AS version,
         CASE WHEN NOT pg_is_in_recovery() THEN 0
              WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
              ELSE greatest(0, extract(epoch FROM now() - pg_last_xact_replay_timestamp()))
         END::float8 AS lag_seconds`;

/** SQLSTATE 40001 on a standby: a read cancelled because replay had to remove rows it saw. */
const RECOVERY_CONFLICT = '40001';

interface Replica {
  connection: ConnectionSettings;
  client?: Client;
  up: boolean;
  version?: bigint;
  lagSeconds?: number;
}

export interface ReadReplicasOptions {
  /**
   * The data version a read must see (the one the API's ETags name); a replica that has not
   * replayed it yet is left out of rotation. Undefined while unknown: then any replica that answers.
   */
  requiredVersion?: () => string | undefined;
  /** Told when a replica leaves or rejoins the rotation. */
  log?: (message: string) => void;
}

function describe(connection: ConnectionSettings): string {
  return `${connection.host}:${connection.port}/${connection.database}`;
}

function code(error: unknown): string | undefined {
  const { code: own, driverError } = (error ?? {}) as { code?: unknown; driverError?: unknown };
  if (typeof own === 'string') return own;
  return driverError ? code(driverError) : undefined;
}

/**
 * The streaming replicas reads go to: each is checked every REPLICA_POLL_MS on a connection of
 * its own, reads take the replicas in rotation in turn (round robin), and `read` falls back to
 * the next replica, then to the primary, when one cannot answer. A replica that goes away is out
 * of rotation at its first failed read or check, and back at its first good check.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    connections: readonly ConnectionSettings[],
    private readonly options: ReadReplicasOptions = {},
  ) {
    this.replicas = connections.map((connection) => ({ connection, up: false }));
  }

  get connections(): ConnectionSettings[] {
    return this.replicas.map((replica) => replica.connection);
  }

  get size(): number {
    return this.replicas.length;
  }

  /** Checks every replica now, then every REPLICA_POLL_MS until `stop`. */
  async start(): Promise<void> {
    if (this.replicas.length === 0 || this.timer) return;
    await this.poll();
    this.timer = setInterval(() => void this.poll(), REPLICA_POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.replicas.map((replica) => this.disconnect(replica)));
  }

  /** The replicas in rotation, starting with the next one's turn; the primary last. */
  targets(): ReadTarget[] {
    const count = this.replicas.length;
    const start = count === 0 ? 0 : this.next++ % count;
    const inTurn: ReadTarget[] = [];
    for (let i = 0; i < count; i++) {
      const index = (start + i) % count;
      if (this.inRotation(index)) inTurn.push(index);
    }
    return [...inTurn, 'primary'];
  }

  /**
   * Runs a read on the next target in turn; when a replica cannot answer it (gone, or a
   * recovery conflict cancelled the query), on the next one, and on the primary last. Reads only:
   * a read that failed can run again. Errors of the query itself are thrown at once.
   */
  async read<T>(attempt: (target: ReadTarget) => Promise<T>): Promise<T> {
    const targets = this.targets();
    for (const target of targets) {
      if (target === 'primary') break;
      try {
        return await attempt(target);
      } catch (error) {
        if (isDatabaseUnavailable(error)) this.markDown(target, error);
        else if (code(error) !== RECOVERY_CONFLICT) throw error;
      }
    }
    return attempt('primary');
  }

  /** Out of rotation until its next good check. */
  markDown(index: number, reason?: unknown): void {
    const replica = this.replicas[index];
    if (!replica.up) return;
    replica.up = false;
    const why = reason instanceof Error ? `: ${reason.message}` : '';
    this.options.log?.(`Replica ${describe(replica.connection)} left the rotation${why}`);
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((replica, index) => {
      const fresh = this.isFresh(replica);
      return {
        replica: describe(replica.connection),
        state: !replica.up ? 'down' : fresh ? 'streaming' : 'behind',
        in_rotation: this.inRotation(index),
        lag_seconds: replica.up ? (replica.lagSeconds ?? null) : null,
        data_version: replica.up && replica.version !== undefined ? String(replica.version) : null,
      };
    });
  }

  private inRotation(index: number): boolean {
    const replica = this.replicas[index];
    return replica.up && this.isFresh(replica);
  }

  private isFresh(replica: Replica): boolean {
    const required = this.options.requiredVersion?.();
    return required === undefined || (replica.version ?? -1n) >= BigInt(required);
  }

  private async poll(): Promise<void> {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      await Promise.all(this.replicas.map((replica, index) => this.check(replica, index)));
    } finally {
      this.polling = false;
    }
  }

  private async check(replica: Replica, index: number): Promise<void> {
    try {
      const client = replica.client ?? (await this.connect(replica, index));
      const { rows } = await client.query(REPLICA_STATE_SQL);
      replica.version = BigInt(rows[0].version);
      replica.lagSeconds = Number(rows[0].lag_seconds);
      if (!replica.up) {
        replica.up = true;
        this.options.log?.(`Replica ${describe(replica.connection)} is in rotation.`);
      }
    } catch (error) {
      this.markDown(index, error);
      await this.disconnect(replica);
    }
  }

  private async connect(replica: Replica, index: number): Promise<Client> {
    const client = new Client({
      ...replica.connection,
      application_name: 'securities-api-replica-check',
      connectionTimeoutMillis: REPLICA_TIMEOUT_MS,
      query_timeout: REPLICA_TIMEOUT_MS,
    });
    // A replica stopping ends this connection: out of rotation at once, not at the next check.
    client.on('error', (error) => {
      this.markDown(index, error);
      if (replica.client === client) replica.client = undefined;
      void client.end().catch(() => undefined);
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end();
      throw new Error('stopped');
    }
    replica.client = client;
    return client;
  }

  private async disconnect(replica: Replica): Promise<void> {
    const { client } = replica;
    replica.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

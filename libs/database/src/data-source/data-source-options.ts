import { Client, ClientConfig, types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ConnectionSettings } from '../embedded/connection-settings';
import { schemaMigrations } from '../migrations';

// A DATE stays the 'YYYY-MM-DD' text PostgreSQL sent: turning it into a JS Date would shift it by
// the process's time zone. (numeric and bigint already arrive as exact strings.)
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface DataSourceExtras {
  /** Connection pool size (node-postgres `max`). */
  poolSize?: number;
  /** Give up connecting after this long, so a missing server fails fast instead of hanging. */
  connectTimeoutMs?: number;
  /**
   * Wait this long for a pooled connection while every one is busy (default: connectTimeoutMs).
   * node-postgres uses one timeout for both; a server that is up but busy is not a server gone.
   */
  queueTimeoutMs?: number;
  /** Keep every pooled connection open once made (node-postgres closes idle ones after 10 s). */
  keepIdleConnections?: boolean;
  applicationName?: string;
  /** Server- and client-side limit on one statement, so a stalled server cannot hang a caller. */
  statementTimeoutMs?: number;
  /**
   * For a server (the API): a connection lost just as the pool hands it out fails the query that
   * gets it, never the process (see pooledClientClass).
   */
  survivesLostConnections?: boolean;
  /**
   * Streaming replicas to read from, through TypeORM's `replication` (the connection given is
   * then its master). Only the API reads from replicas: see ReplicatedDataSource.
   */
  replicas?: ConnectionSettings[];
}

function credentials(connection: ConnectionSettings) {
  return {
    host: connection.host,
    port: connection.port,
    username: connection.user,
    password: connection.password,
    database: connection.database,
  };
}

/**
 * node-postgres's Client as a pool of ours makes it:
 * - `connectTimeoutMs`: gives up on a connection attempt after that long (the pool's own timeout
 *   is then only the wait for a free connection);
 * - `survivesLostConnections`: always has a listener for 'error'. A pool drops its own listener
 *   as it hands a client out, and the borrower adds one only after (TypeORM, in a promise
 *   callback). When the server ends the connection in between (shutting down as the connection
 *   is made: its ReadyForQuery and its FATAL arrive in one read), the 'error' event would have no
 *   listener and end the process (node-postgres issue 2439). The client is then not queryable: the
 *   borrower's query fails as on any lost connection, and the pool discards it on release.
 */
export function pooledClientClass(options: {
  connectTimeoutMs?: number;
  survivesLostConnections?: boolean;
}): typeof Client {
  const { connectTimeoutMs, survivesLostConnections } = options;
  if (connectTimeoutMs === undefined && !survivesLostConnections) return Client;
  return class extends Client {
    constructor(config: ClientConfig) {
      // Inherit rather than spread: the pool hides the password as a non-enumerable property.
      super(
        connectTimeoutMs === undefined
          ? config
          : Object.create(config, { connectionTimeoutMillis: { value: connectTimeoutMs } }),
      );
      if (survivesLostConnections) this.on('error', lostWhileHandedOut);
    }
  };
}

/** The query that uses the connection reports it; see pooledClientClass. */
function lostWhileHandedOut(): void {}

/**
 * The one options builder behind every DataSource: the CLIs (owner role, with migrations) and the
 * API (read-only role) differ only in the connection they are given.
 */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'readonlyRole' | 'tickDataRange'>,
  connection: ConnectionSettings,
  extras: DataSourceExtras = {},
): DataSourceOptions {
  const connectTimeoutMs = extras.connectTimeoutMs ?? 5_000;
  const replicas = extras.replicas ?? [];
  return {
    type: 'postgres',
    ...credentials(connection),
    ...(replicas.length > 0 && {
      replication: {
        master: credentials(connection),
        slaves: replicas.map(credentials),
        defaultMode: 'slave',
      },
    }),
    migrations: schemaMigrations(config),
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: extras.applicationName ?? 'securities-platform',
    poolSize: extras.poolSize ?? 4,
    // The pool's timeout: on the wait for a free connection, and on connecting unless the
    // client below has its own.
    connectTimeoutMS: extras.queueTimeoutMs ?? connectTimeoutMs,
    extra: {
      Client: pooledClientClass({
        connectTimeoutMs: extras.queueTimeoutMs ? connectTimeoutMs : undefined,
        survivesLostConnections: extras.survivesLostConnections,
      }),
      ...(extras.keepIdleConnections ? { idleTimeoutMillis: 0 } : {}),
      ...(extras.statementTimeoutMs
        ? {
            statement_timeout: extras.statementTimeoutMs,
            query_timeout: extras.statementTimeoutMs + 1_000,
          }
        : {}),
    },
  };
}

/** The read-only role's view of the same database (what the API connects as). */
export function readonlyConnection(
  config: Pick<AppConfig, 'readonlyRole'>,
  owner: ConnectionSettings,
): ConnectionSettings {
  return { ...owner, user: config.readonlyRole.user, password: config.readonlyRole.password };
}

export function createDataSource(...args: Parameters<typeof buildDataSourceOptions>): DataSource {
  return new DataSource(buildDataSourceOptions(...args));
}

/** Each configured replica (DATABASE_REPLICA_URLS) as `reader` sees it: same role, other server. */
export function replicaConnections(
  config: Pick<AppConfig, 'replicas'>,
  reader: ConnectionSettings,
): ConnectionSettings[] {
  return config.replicas.map((replica) => ({ ...reader, ...replica }));
}

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

/** node-postgres's Client, giving up on a connection attempt after `timeoutMs`. */
function clientConnectingWithin(timeoutMs: number): typeof Client {
  return class extends Client {
    constructor(config: ClientConfig) {
      // Inherit rather than spread: the pool hides the password as a non-enumerable property.
      super(Object.create(config, { connectionTimeoutMillis: { value: timeoutMs } }));
    }
  };
}

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
      ...(extras.queueTimeoutMs ? { Client: clientConnectingWithin(connectTimeoutMs) } : {}),
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

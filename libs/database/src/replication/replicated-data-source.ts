import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient } from 'pg';
import { DataSource, DataSourceOptions, QueryRunner } from 'typeorm';
import { PostgresConnectionCredentialsOptions } from 'typeorm/driver/postgres/PostgresConnectionCredentialsOptions';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ReadReplicas, ReadTarget } from './read-replicas';

/** The target the read running in this async context goes to. */
const readTarget = new AsyncLocalStorage<ReadTarget>();

function connectFrom(pool: Pool): Promise<[PoolClient, (error?: Error) => void]> {
  return new Promise((resolve, reject) =>
    pool.connect((error, client, release) =>
      error || !client ? reject(error) : resolve([client, release]),
    ),
  );
}

/** Runs `work` with its ReplicatedDataSource queries on the primary (a check of the primary itself). */
export function onPrimary<T>(work: () => Promise<T>): Promise<T> {
  return readTarget.run('primary', work);
}

/**
 * TypeORM's PostgreSQL driver with `replication`, choosing the replica itself: TypeORM takes a
 * random slave and connects to every slave at start, so a replica that is down would stop the
 * API from starting. Here a replica's pool connects on first use, and a read goes to the target
 * ReadReplicas chose for it (round robin over the replicas in rotation, the primary last).
 */
class ReplicaRoutingDriver extends PostgresDriver {
  // TypeORM's own signature: [connection, release].
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  override obtainSlaveConnection(): Promise<[PoolClient, Function]> {
    const target = readTarget.getStore();
    if (target === undefined || target === 'primary') return this.obtainMasterConnection();
    return connectFrom(this.slaves[target] as Pool);
  }

  protected override async createPool(
    options: PostgresConnectionOptions,
    credentials: PostgresConnectionCredentialsOptions,
  ): Promise<Pool> {
    if (!options.replication || credentials === options.replication.master)
      return super.createPool(options, credentials);
    const pool: Pool = new this.postgres.Pool({
      host: credentials.host,
      port: credentials.port,
      user: credentials.username,
      password: credentials.password,
      database: credentials.database,
      connectionTimeoutMillis: options.connectTimeoutMS,
      application_name: options.applicationName,
      max: options.poolSize,
      ...options.extra,
    });
    // An idle connection to a replica that went away: ReadReplicas notices it on its own.
    pool.on('error', () => undefined);
    return pool;
  }
}

/**
 * The API's DataSource: its raw queries (`query`, which TypeORM always sends to the master) are
 * reads, and go through ReadReplicas to a replica in rotation, falling back to another replica
 * or the primary when one cannot answer. Without replicas it is a plain DataSource.
 */
export class ReplicatedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    readonly replicas: ReadReplicas,
  ) {
    super(options);
    this.driver = new ReplicaRoutingDriver(this);
  }

  override async query<T = unknown>(
    sql: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): Promise<T> {
    if (queryRunner || readTarget.getStore() === 'primary')
      return super.query(sql, parameters, queryRunner);
    return this.replicas.read((target) =>
      readTarget.run(target, async () => {
        const runner = this.createQueryRunner('slave');
        try {
          return (await runner.query(sql, parameters)) as T;
        } finally {
          await runner.release();
        }
      }),
    );
  }

  override async destroy(): Promise<void> {
    await this.replicas.stop();
    await super.destroy();
  }
}

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  ConnectionSettings,
  pooledClientClass,
  ReadReplicas,
  ReadTarget,
} from '@securities/database';
import { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** Streams at once per server; more wait for a connection (then fail after the connect timeout: 503). */
const STREAM_CONNECTIONS = 4;

/**
 * `COPY ... TO STDOUT` as a Readable, for responses of any size: bytes go from PostgreSQL to the
 * client as the client reads them (backpressure pauses the socket to the server), so memory stays
 * flat. Its own small pool, without the request pool's statement and read timeouts, which a long
 * download must outlive; each stream runs in a read-only transaction, one consistent snapshot.
 * Streams are reads like any other: on a replica in rotation when there are replicas.
 */
@Injectable()
export class CopyStreamService implements OnModuleDestroy {
  private readonly primary: Pool;
  private readonly replicaPools: Pool[];

  constructor(
    db: DataSource,
    private readonly replicas: ReadReplicas,
  ) {
    const options = db.options as PostgresConnectionOptions;
    const pool = (connection: ConnectionSettings) => {
      const created = new Pool({
        ...connection,
        application_name: `${options.applicationName ?? 'securities-api'}-streams`,
        connectionTimeoutMillis: options.connectTimeoutMS,
        max: STREAM_CONNECTIONS,
        Client: pooledClientClass({ survivesLostConnections: true }),
      });
      // An idle connection to a server that went away; the next stream gets a new one.
      created.on('error', () => undefined);
      return created;
    };
    this.primary = pool({
      host: options.host as string,
      port: options.port as number,
      user: options.username as string,
      password: typeof options.password === 'string' ? options.password : '',
      database: options.database as string,
    });
    this.replicaPools = replicas.connections.map(pool);
  }

  open(copySql: string): Promise<Readable> {
    return this.replicas.read((target) => this.openOn(target, copySql));
  }

  private async openOn(target: ReadTarget, copySql: string): Promise<Readable> {
    const pool = target === 'primary' ? this.primary : this.replicaPools[target];
    const client = await pool.connect();
    let released = false;
    // A checked-out client has no listener of the pool's: a server going away between two
    // statements (a replica stopping) would otherwise be an unhandled 'error' event.
    const lost = (error: Error) => release(error);
    client.on('error', lost);
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.removeListener('error', lost);
      // A client left mid-COPY cannot be reused: passing the error destroys it.
      client.release(error);
    };
    try {
      await client.query('BEGIN READ ONLY');
    } catch (error) {
      release(error as Error);
      throw error;
    }
    const stream = client.query(copyTo(copySql));
    stream.once('end', () => void finish(client, release));
    stream.once('error', (error) => release(error));
    stream.once('close', () => {
      if (!stream.readableEnded) release(new Error('stream closed before its end'));
    });
    await firstBytes(stream);
    return stream;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.primary, ...this.replicaPools].map((pool) => pool.end()));
  }
}

/**
 * Resolves once the COPY has bytes to give (or has nothing at all), rejects when it fails before:
 * until then no header has gone out, so a server that goes away (a replica stopping) fails the
 * open and the read runs on the next target instead of answering an error. The bytes stay
 * buffered in the stream for whoever reads it next.
 */
function firstBytes(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.removeListener('readable', onReadable);
      stream.removeListener('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onReadable = () => settle();
    stream.on('readable', onReadable);
    stream.once('error', settle);
  });
}

async function finish(client: PoolClient, release: (error?: Error) => void): Promise<void> {
  try {
    await client.query('COMMIT');
    release();
  } catch (error) {
    release(error as Error);
  }
}

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** Streams at once; more wait for a connection (then fail after the connect timeout: 503). */
const STREAM_CONNECTIONS = 4;

/**
 * `COPY ... TO STDOUT` as a Readable, for responses of any size: bytes go from PostgreSQL to the
 * client as the client reads them (backpressure pauses the socket to the server), so memory stays
 * flat. Its own small pool, without the request pool's statement and read timeouts, which a long
 * download must outlive; each stream runs in a read-only transaction, one consistent snapshot.
 */
@Injectable()
export class CopyStreamService implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(db: DataSource) {
    const options = db.options as PostgresConnectionOptions;
    this.pool = new Pool({
      host: options.host,
      port: options.port,
      user: options.username,
      password: typeof options.password === 'string' ? options.password : undefined,
      database: options.database,
      application_name: `${options.applicationName ?? 'securities-api'}-streams`,
      connectionTimeoutMillis: options.connectTimeoutMS,
      max: STREAM_CONNECTIONS,
    });
  }

  async open(copySql: string): Promise<Readable> {
    const client = await this.pool.connect();
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
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
    return stream;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

async function finish(client: PoolClient, release: (error?: Error) => void): Promise<void> {
  try {
    await client.query('COMMIT');
    release();
  } catch (error) {
    release(error as Error);
  }
}

import {
  ConnectionSettings,
  DATA_VERSION_CHANNEL,
  READ_DATA_VERSION_SQL,
} from '@securities/database';
import { Client } from 'pg';
import { Logger } from 'pino';

const RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 5_000];

/**
 * The database's data version as this process knows it: read once, then kept current by LISTEN
 * (the loader and the generator NOTIFY at commit). While the listening connection is down the
 * version is unknown, and the API sends no version ETag and no 304: it never claims freshness it
 * cannot check.
 */
export class DataVersionWatcher {
  private current: string | undefined;
  private client: Client | undefined;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: ConnectionSettings,
    private readonly logger: Logger,
  ) {}

  /** The version, or undefined while it cannot be known. */
  get version(): string | undefined {
    return this.current;
  }

  /** Connects; a database that is down now is retried in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.current = undefined;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      ...this.connection,
      application_name: 'securities-api-data-version',
      connectionTimeoutMillis: 2_000,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === DATA_VERSION_CHANNEL && message.payload)
        this.current = message.payload;
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      // LISTEN first: a bump between the two statements is then notified, not missed.
      await client.query(`LISTEN ${DATA_VERSION_CHANNEL}`);
      const [{ version }] = (await client.query(READ_DATA_VERSION_SQL)).rows;
      this.current = String(version);
      this.attempt = 0;
    } catch (error) {
      this.logger.debug({ err: error }, 'data version: cannot listen yet');
      this.lost(client);
    }
  }

  private lost(client: Client): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.current = undefined;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
    this.attempt += 1;
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }
}

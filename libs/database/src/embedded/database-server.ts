import { DatabaseTarget } from '../config/app-config';
import { ConnectionSettings } from './connection-settings';
import { EmbeddedServerOptions, startEmbeddedPostgres } from './embedded-postgres-server';

export interface DatabaseServer {
  connection: ConnectionSettings;
  /** Stops the server if this process started it; a no-op for external servers. */
  stop(): Promise<void>;
}

/** The configured server: external as given, or the embedded one started (or reused) now. */
export async function ensureDatabaseServer(
  target: DatabaseTarget,
  options: EmbeddedServerOptions = {},
): Promise<DatabaseServer> {
  if (target.kind === 'external') {
    const { host, port, user, password, database } = target;
    return { connection: { host, port, user, password, database }, stop: async () => undefined };
  }
  return startEmbeddedPostgres(target, options);
}

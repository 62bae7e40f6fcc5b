import { ConnectionSettings } from '@securities/database';

/** How the primary hands the read-only connection it resolved to its workers. */
const CONNECTION_VARIABLE = 'SECURITIES_API_CONNECTION';

export function connectionEnvironment(connection: ConnectionSettings): Record<string, string> {
  return { [CONNECTION_VARIABLE]: JSON.stringify(connection) };
}

export function connectionFromEnvironment(): ConnectionSettings {
  const value = process.env[CONNECTION_VARIABLE];
  if (!value)
    throw new Error(`${CONNECTION_VARIABLE} is not set: workers are started by the primary`);
  return JSON.parse(value) as ConnectionSettings;
}

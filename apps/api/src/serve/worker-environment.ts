import { ConnectionSettings } from '@securities/database';

/** What the primary hands each worker: the read-only connection it resolved and the run's id. */
export interface WorkerSettings {
  connection: ConnectionSettings;
  /** One per API run, shared by its workers: part of every ETag. */
  instance: string;
}

const VARIABLE = 'SECURITIES_API_WORKER';

export function workerEnvironment(settings: WorkerSettings): Record<string, string> {
  return { [VARIABLE]: JSON.stringify(settings) };
}

export function workerSettingsFromEnvironment(): WorkerSettings {
  const value = process.env[VARIABLE];
  if (!value) throw new Error(`${VARIABLE} is not set: workers are started by the primary`);
  return JSON.parse(value) as WorkerSettings;
}

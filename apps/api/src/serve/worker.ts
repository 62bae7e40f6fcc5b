import {
  installSignalHandlers,
  loadConfigFromEnvironment,
  registerCleanup,
} from '@securities/database';
import { createApiApp } from '../app/create-api-app';
import { workerSettingsFromEnvironment } from './worker-environment';

/**
 * One HTTP worker: the Nest application on the shared port. A stop signal (from the primary, or
 * Ctrl-C reaching the whole process group) closes the server after the requests in flight.
 */
export async function runWorker(): Promise<void> {
  installSignalHandlers({ stopIsSuccess: true });
  const config = loadConfigFromEnvironment();
  const app = await createApiApp({ config, ...workerSettingsFromEnvironment() });
  registerCleanup(() => app.close());
  await app.listen(config.api.port, config.api.host);
}

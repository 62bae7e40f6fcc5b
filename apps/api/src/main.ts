import { runCleanups } from '@securities/database';
import { runCli } from '@securities/logging';
import cluster from 'node:cluster';
import { runPrimary } from './serve/primary';
import { runWorker } from './serve/worker';

// Serving goes on after the start returns, until a signal runs the cleanups; a failed start ends here.
void runCli('api', async () => {
  try {
    await (cluster.isPrimary ? runPrimary() : runWorker());
  } catch (error) {
    await runCleanups();
    throw error;
  }
});

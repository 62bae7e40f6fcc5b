import { runCleanups } from '@securities/database';
import cluster from 'node:cluster';
import { runPrimary } from './serve/primary';
import { runWorker } from './serve/worker';

(cluster.isPrimary ? runPrimary() : runWorker()).catch(async (error: Error) => {
  process.stderr.write(`${error.name === 'Error' ? 'Error' : error.name}: ${error.message}\n`);
  await runCleanups();
  process.exit(1);
});

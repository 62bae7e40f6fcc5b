/**
 * One orderly shutdown for every program: cleanups run last-registered first (the API closes
 * before the database it uses stops), then the process exits with the conventional 128+signal.
 */
type Cleanup = () => Promise<void>;

const cleanups: Cleanup[] = [];
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
let handlersInstalled = false;
let shuttingDown: Promise<void> | undefined;

export function registerCleanup(cleanup: Cleanup): () => void {
  cleanups.unshift(cleanup);
  return () => {
    const index = cleanups.indexOf(cleanup);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/** Runs every registered cleanup once, even when some fail; safe to call repeatedly. */
export function runCleanups(): Promise<void> {
  shuttingDown ??= (async () => {
    while (cleanups.length > 0) {
      const cleanup = cleanups.shift() as Cleanup;
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`Shutdown step failed: ${(error as Error).message}\n`);
      }
    }
  })();
  return shuttingDown;
}

export function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, number] of Object.entries(SIGNAL_NUMBERS)) {
    process.once(signal, () => {
      void runCleanups().finally(() => process.exit(128 + number));
    });
  }
}

/**
 * One orderly shutdown for every program: cleanups run last-registered first (the API closes
 * before the database it uses stops), then the process exits with the conventional 128+signal,
 * or 0 for a server, whose stop on request is its normal end.
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

export interface SignalHandlingOptions {
  /** A server's stop on SIGINT/SIGTERM is a success: exit 0 (default: 128 + signal number). */
  stopIsSuccess?: boolean;
}

/** The first call decides; later calls (from libraries) keep its choice. */
export function installSignalHandlers(options: SignalHandlingOptions = {}): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, number] of Object.entries(SIGNAL_NUMBERS)) {
    process.once(signal, () => {
      void runCleanups().finally(() => process.exit(options.stopIsSuccess ? 0 : 128 + number));
    });
  }
}

/**
 * Wraps an async check so that every caller who asks while it runs shares that one run: under
 * load, the health checks that arrive during one database ping wait for it instead of each taking
 * a pooled connection for a ping of its own. Nothing is kept once the run settles, so every answer
 * still comes from a run that finished after its caller asked, and a failure reaches every caller
 * who shared it and none after.
 */
export function sharedWhileRunning<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () =>
    (running ??= run().finally(() => {
      running = undefined;
    }));
}

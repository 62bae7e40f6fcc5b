/**
 * Runs a command-line program's main and gives every failure one shape: `<name>: <message>` on
 * stderr and exit code 1. The main does its own cleanup (finally blocks) before it rejects.
 */
export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

import { workspaceRoot } from '@securities/database';
import { ChildProcess, spawn } from 'node:child_process';
import { DataSource } from 'typeorm';

export interface ScaleCli {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `generator scale` as a real child process, the way a user (or `nx run generator:scale`) runs it. */
export function spawnScale(args: string[], env: Record<string, string>): ScaleCli {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/generator/src/main.ts', 'scale', ...args],
    { cwd: workspaceRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

export async function runScaleToEnd(args: string[], env: Record<string, string>): Promise<string> {
  const cli = spawnScale(args, env);
  const { code } = await cli.exited;
  if (code !== 0) throw new Error(`generator scale exited with ${code}:\n${cli.output()}`);
  return cli.output();
}

export function waitForOutput(cli: ScaleCli, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} in:\n${cli.output()}`)),
      timeoutMs,
    );
    const check = () => {
      if (pattern.test(cli.output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    cli.child.stdout?.on('data', check);
    void cli.exited.then(() => {
      clearTimeout(timer);
      if (pattern.test(cli.output())) resolve();
      else reject(new Error(`exited before ${pattern}:\n${cli.output()}`));
    });
    check();
  });
}

/** Tables the scale run writes, with the order that makes their text checksum stable. */
export const SCALE_TABLES: Record<string, string> = {
  tick_data: 'security_id, tick_time',
  pricing_history: 'security_id, price_date',
  securities_master: 'security_id',
  issuer: 'issuer_id',
};

/** Row count and md5 of every row's text, per table. */
export async function tableChecksums(
  db: DataSource,
): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const [table, order] of Object.entries(SCALE_TABLES)) {
    const [row] = await db.query(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY ${order
        .split(', ')
        .map((c) => `t.${c}`)
        .join(', ')})) AS md5 FROM ${table} t`,
    );
    result[table] = { rows: row.rows, md5: row.md5 };
  }
  return result;
}

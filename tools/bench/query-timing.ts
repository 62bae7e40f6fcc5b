import { DataSource } from 'typeorm';

/**
 * The seed's "intraday ticks for a security on a specific day", on `day` (YYYY-MM-DD), with
 * literals as the seed wrote it, so the planner sees the range (and excludes chunks) when planning.
 */
export function seedOneDayTickQuery(securityId: string, day: string): string {
  if (!/^[A-Z0-9-]+$/.test(securityId)) throw new Error(`not a security id: ${securityId}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  return `SELECT tick_time, price, bid, ask, volume
FROM tick_data
WHERE security_id = '${securityId}'
  AND tick_time >= '${day} 09:30:00'
  AND tick_time <  '${day} 16:00:00'
ORDER BY tick_time`;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The median wall time in ms of `runs` executions of `work`, after `warmUps` untimed ones (warm:
 * the pages cached, the plan known).
 */
export async function warmMedianMs(
  work: () => Promise<unknown>,
  runs: number,
  warmUps: number,
): Promise<number> {
  for (let i = 0; i < warmUps; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/** Rows a query returns; an error when none (a timing of an empty answer says nothing). */
export async function countRows(
  db: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const [{ rows }] = await db.query(`SELECT count(*)::int AS rows FROM (${sql}) q`, params);
  if (rows === 0) throw new Error(`the query returned no rows:\n${sql}`);
  return rows;
}

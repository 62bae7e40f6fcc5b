import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { ConnectionSettings } from '../embedded/connection-settings';
import { sqlIdentifier, sqlLiteral } from '../migrations/sql';
import { citusReaderAuthSql, isCitusDatabase } from '../schema/citus';
import { Queryable } from '../schema/tick-storage';
import { readonlyConnection } from './data-source-options';

/** SQLSTATE of a rejected password (PostgreSQL also gives it for a role that does not exist). */
const INVALID_PASSWORD = '28P01';

/**
 * What to do when the read-only role rejects POSTGRES_READONLY_PASSWORD: the migrations set the
 * role's password when they ran, so changing the variable later does not change the database.
 */
export function readonlyPasswordHint(config: Pick<AppConfig, 'readonlyRole'>): string {
  const { user } = config.readonlyRole;
  return (
    `the read-only role ${user} rejects POSTGRES_READONLY_PASSWORD: the database keeps the password ` +
    `the migrations set when they ran. Run \`npx nx run database:migrate\` (it sets the role's ` +
    `password to POSTGRES_READONLY_PASSWORD), or set POSTGRES_READONLY_PASSWORD back, or as a ` +
    `superuser: ALTER ROLE ${user} PASSWORD '...'`
  );
}

/** True when the read-only role's login is refused for its password; other failures are thrown. */
async function passwordRejected(reader: ConnectionSettings): Promise<boolean> {
  const client = new Client({ ...reader, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_PASSWORD) return true;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Start-up check of the read-only role's login, as the owner: when the configured password is
 * rejected (POSTGRES_READONLY_PASSWORD changed since the migrations ran), sets the role's password
 * to it; when even that is not allowed, stops with what to do. Returns true when it re-applied.
 */
export async function applyReadonlyPassword(
  owner: Queryable,
  config: Pick<AppConfig, 'readonlyRole'>,
  ownerConnection: ConnectionSettings,
): Promise<boolean> {
  if (!(await passwordRejected(readonlyConnection(config, ownerConnection)))) return false;
  const { user, password } = config.readonlyRole;
  try {
    await owner.query(`ALTER ROLE ${sqlIdentifier(user)} PASSWORD ${sqlLiteral(password)}`);
    // Citus propagates the new password to the workers; the coordinator's copy for them is ours.
    if (await isCitusDatabase(owner))
      for (const sql of citusReaderAuthSql(config.readonlyRole)) await owner.query(sql);
  } catch (error) {
    throw new Error(
      `${readonlyPasswordHint(config)}\n(Setting it as ${ownerConnection.user} failed: ${(error as Error).message})`,
    );
  }
  return true;
}

/**
 * The migrations create the monthly tick partitions of TICK_DATA_FROM..TICK_DATA_TO when they run;
 * a range widened since gets its missing months here (on TimescaleDB the function does nothing).
 * Returns how many partitions were added.
 */
export async function applyTickDataRange(
  owner: Queryable,
  config: Pick<AppConfig, 'tickDataRange'>,
): Promise<number> {
  const { from, to } = config.tickDataRange;
  const [{ created }] = (await owner.query('SELECT ensure_tick_partitions($1, $2) AS created', [
    from,
    to,
  ])) as { created: number }[];
  return created;
}

/**
 * What every start-up applies after the migrations, so that changing the configuration later
 * takes effect: the read-only role's password and the tick partition range. Returns one line per
 * change made.
 */
export async function applyConfiguredSettings(
  owner: Queryable,
  config: Pick<AppConfig, 'readonlyRole' | 'tickDataRange'>,
  ownerConnection: ConnectionSettings,
): Promise<string[]> {
  const changes: string[] = [];
  if (await applyReadonlyPassword(owner, config, ownerConnection)) {
    changes.push(
      `POSTGRES_READONLY_PASSWORD changed since the migrations ran: set it as ${config.readonlyRole.user}'s password.`,
    );
  }
  const added = await applyTickDataRange(owner, config);
  if (added > 0) {
    changes.push(
      `TICK_DATA_FROM..TICK_DATA_TO widened since the migrations ran: added ${added} monthly tick partition(s).`,
    );
  }
  return changes;
}

/** For a program that only reads (the API): stop with what to do when the password is rejected. */
export async function assertReadonlyLogin(
  config: Pick<AppConfig, 'readonlyRole'>,
  reader: ConnectionSettings,
): Promise<void> {
  let rejected: boolean;
  try {
    rejected = await passwordRejected(reader);
  } catch {
    // Unreachable or starting up: the API starts anyway and answers 503 until the database is back.
    return;
  }
  if (rejected) throw new Error(readonlyPasswordHint(config));
}

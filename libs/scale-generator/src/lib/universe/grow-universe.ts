import { Queryable } from '@securities/database';
import { apportion } from '@securities/market-sim';
import { UniverseGrowth } from '@securities/vocabulary';
import { FULL_TYPE_MIX, ScaleProfile, TypeBucket } from '../profiles/scale-profiles';

type Row = Record<string, string | null>;

/** The issuer, securities_master and credit_ratings rows a universe grows from. */
export interface UniverseRows {
  issuers: Row[];
  securities: Row[];
  ratings: Row[];
}

/**
 * Draws the new issuer, securities_master and credit_ratings rows (the new issuers' ratings, ids
 * after the highest in use): the base set's builders, wired by the app (generator-core's
 * grownUniverseRows), so this feature does not depend on another.
 */
export type UniverseGrower = (
  existing: UniverseRows,
  growth: UniverseGrowth,
) => { issuers: Row[]; securities: Row[]; ratings: Row[] };

const BUCKETS = Object.keys(FULL_TYPE_MIX) as TypeBucket[];

/** Per type bucket, how many securities the universe of the given size holds (largest remainder). */
export function typeTargets(universe: number): Record<TypeBucket, number> {
  const targets = apportion(
    universe,
    BUCKETS.map((bucket) => FULL_TYPE_MIX[bucket].count),
  );
  return Object.fromEntries(BUCKETS.map((bucket, i) => [bucket, targets[i]])) as Record<
    TypeBucket,
    number
  >;
}

/** What each bucket lacks of the profile's type mix, within the room left below its universe size. */
export function missingByBucket(
  securityTypes: readonly string[],
  universe: number,
): Record<TypeBucket, number> {
  const targets = typeTargets(universe);
  let room = Math.max(0, universe - securityTypes.length);
  return Object.fromEntries(
    BUCKETS.map((bucket) => {
      const types: readonly string[] = FULL_TYPE_MIX[bucket].types;
      const held = securityTypes.filter((type) => types.includes(type)).length;
      const missing = Math.min(room, Math.max(0, targets[bucket] - held));
      room -= missing;
      return [bucket, missing];
    }),
  ) as Record<TypeBucket, number>;
}

/** The universe in the database, as the growth reads it. */
export async function readExistingUniverse(db: Queryable): Promise<UniverseRows> {
  return {
    issuers: (await db.query(
      'SELECT issuer_id, issuer_name, country, sector, industry, lei FROM issuer ORDER BY issuer_id',
    )) as Row[],
    securities: (await db.query(
      `SELECT security_id, security_type, isin, cusip, sedol, ticker, issuer_id,
              maturity_date::text AS maturity_date, coupon_rate::text AS coupon_rate
       FROM securities_master ORDER BY security_id`,
    )) as Row[],
    ratings: (await db.query(
      `SELECT rating_id::text AS rating_id, issuer_id, rating, rating_date::text AS rating_date
       FROM credit_ratings ORDER BY rating_date, rating_id`,
    )) as Row[],
  };
}

/** What the profile asks the universe to grow by: its size with the seed's type mix, its issuer count. */
export function universeGrowth(
  existing: UniverseRows,
  profile: Pick<ScaleProfile, 'seed' | 'universe' | 'issuers'>,
): UniverseGrowth {
  const missing = missingByBucket(
    existing.securities.map((security) => String(security.security_type)),
    profile.universe,
  );
  return {
    seed: profile.seed,
    streamPrefix: `scale/${profile.universe}`,
    issuers: Math.max(0, profile.issuers - existing.issuers.length),
    equities: missing.equity,
    bonds: missing.bond,
    derivatives: missing.derivative,
    structured: missing.structured,
    funds: missing.other,
  };
}

/**
 * Grows securities_master (and issuer, and the new issuers' credit_ratings) to the profile's
 * universe; returns the rows written. The caller runs it in one transaction with the step's mark.
 */
export async function growUniverse(
  db: Queryable,
  profile: ScaleProfile,
  grow: UniverseGrower,
): Promise<number> {
  const existing = await readExistingUniverse(db);
  const grown = grow(existing, universeGrowth(existing, profile));
  await insertRows(db, 'issuer', grown.issuers);
  await insertRows(db, 'credit_ratings', grown.ratings);
  await insertRows(db, 'securities_master', grown.securities);
  return grown.issuers.length + grown.ratings.length + grown.securities.length;
}

async function insertRows(db: Queryable, table: string, records: Row[]): Promise<void> {
  if (records.length === 0) return;
  const columns = Object.keys(records[0]);
  const values: unknown[] = [];
  const tuples = records.map((record, row) => {
    columns.forEach((column) => values.push(record[column]));
    return `(${columns.map((_, col) => `$${row * columns.length + col + 1}`).join(', ')})`;
  });
  await db.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  );
}

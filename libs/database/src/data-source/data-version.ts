/**
 * The data version (migration 1732500000500): bumped in every transaction that changes data, read
 * by the API for its ETags. A bump inside a transaction is seen, and notified, at its commit.
 */
export const BUMP_DATA_VERSION_SQL = 'SELECT bump_data_version() AS version';
export const READ_DATA_VERSION_SQL = 'SELECT data_version() AS version';
/** The NOTIFY channel; the payload is the new version. */
export const DATA_VERSION_CHANNEL = 'data_version';

interface Queryable {
  query(sql: string): Promise<unknown>;
}

export async function bumpDataVersion(db: Queryable): Promise<void> {
  await db.query(BUMP_DATA_VERSION_SQL);
}

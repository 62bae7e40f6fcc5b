import { AttributedPosition, attributePeriod } from '@securities/analytics';
import { AttributionWindow, readPeriodInputs, StoredPeriodPosition } from './period-inputs';
import { SqlClient } from './sql-client';

/**
 * The variance attribution of every position between two dates (SPEC section 4), from what the
 * tables hold: the generator writes variance_quarterly with it, the API answers any two dates with it.
 */
export async function attributeBetween(
  db: SqlClient,
  window: AttributionWindow,
): Promise<AttributedPosition<StoredPeriodPosition>[]> {
  return attributePeriod(await readPeriodInputs(db, window));
}

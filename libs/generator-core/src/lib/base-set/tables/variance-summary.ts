import { amountsInCents } from '@securities/variance';
import { PERIOD_1, PERIOD_2 } from '../base-set-counts';
import { CsvRow } from '../base-set-tables';
import { PositionVariance } from '../variance/attribute-positions';

/** One row per position held on either date, by portfolio and security. */
export function varianceSummaryRows(variances: readonly PositionVariance[]): CsvRow[] {
  return [...variances]
    .sort(
      (a, b) =>
        a.position.portfolioId.localeCompare(b.position.portfolioId) ||
        a.position.security.securityId.localeCompare(b.position.security.securityId),
    )
    .map(({ position, attribution }, i) => ({
      summary_id: String(i + 1),
      portfolio_id: position.portfolioId,
      security_id: position.security.securityId,
      period_from: PERIOD_1,
      period_to: PERIOD_2,
      ...amountsInCents(attribution),
    }));
}

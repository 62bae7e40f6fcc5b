import { attributeBetween } from '@securities/portfolio-data';
import { amountsInCents, VARIANCE_AMOUNT_COLUMNS } from '@securities/variance';
import { DataSource } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';
import { copyText } from '../copy/copy-text';
import { inCopyTransaction } from '../copy/in-copy-transaction';
import { HoldingsLayout } from '../holdings/holdings-layout';

export const VARIANCE_PHASE = 'variance';

/**
 * variance_quarterly: each quarter's positions attributed between its two snapshot dates by the
 * same function the API answers any two dates with, from exactly what the tables hold, as
 * variance_summary is for the base set's quarter (whose rows therefore come out equal to it).
 */
export async function writeVarianceQuarterly(
  dataSource: DataSource,
  key: string,
  layout: HoldingsLayout,
): Promise<number> {
  return inCopyTransaction(dataSource, async (runner, client) => {
    const lines: string[] = [];
    for (const quarter of layout.quarters) {
      const from = layout.days[quarter.start];
      const to = layout.days[quarter.end];
      for (const { position, attribution } of await attributeBetween(runner, { from, to })) {
        lines.push(
          [
            position.portfolioId,
            position.securityId,
            quarter.label,
            from,
            to,
            ...Object.values(amountsInCents(attribution)),
          ].join('\t'),
        );
      }
    }
    if (lines.length !== layout.varianceRows) {
      throw new Error(
        `variance_quarterly: ${lines.length} rows computed, ${layout.varianceRows} planned`,
      );
    }
    await copyText(
      client,
      `COPY variance_quarterly (portfolio_id, security_id, quarter_label, period_from, period_to,
         ${VARIANCE_AMOUNT_COLUMNS.join(', ')}) FROM STDIN`,
      lines,
    );
    await scaleLedger.markStep(runner, key, VARIANCE_PHASE, 'all', lines.length);
    return lines.length;
  });
}

import { Queryable } from '@securities/database';
import {
  BASE_CURRENCY,
  createRandomSource,
  CURRENCIES,
  CurrencyCode,
  IsoDate,
  simulateFxPath,
} from '@securities/market-sim';
import { anchorPath } from '../prices/security-path';
import { FX_DEGREES_OF_FREEDOM } from '../prices/process-parameters';
import { PERIOD_1, PERIOD_2 } from './holdings-layout';

export interface DailyFx {
  /** USD per unit, as fx_rates stores it, by currency and day index ('1' for USD). */
  rate(currency: string, day: number): string;
  /** The rows fx_rates lacks: every currency, every day but those the base set has. */
  newRows: { currency: string; date: IsoDate; rate: string }[];
}

/** fx_rates keeps 8 decimals; a walk's rate is kept to 6 significant digits, as the base set's. */
const rateText = (rate: number) => Number(rate.toPrecision(6)).toFixed(8);

/**
 * Daily FX rates against USD for the currencies held: a fat-tailed random walk per currency that
 * passes exactly through the base set's rates on the period dates.
 */
export async function buildDailyFx(
  db: Queryable,
  days: readonly IsoDate[],
  currencies: readonly string[],
  seed: number,
): Promise<DailyFx> {
  const stored = (await db.query(
    `SELECT from_currency, rate_date::text, rate::text FROM fx_rates WHERE to_currency = $1`,
    [BASE_CURRENCY],
  )) as { from_currency: string; rate_date: string; rate: string }[];
  const byCurrency = new Map<string, Map<IsoDate, string>>();
  for (const row of stored) {
    const rates = byCurrency.get(row.from_currency) ?? new Map<IsoDate, string>();
    rates.set(row.rate_date, row.rate);
    byCurrency.set(row.from_currency, rates);
  }
  const series = new Map<string, string[]>();
  const newRows: DailyFx['newRows'] = [];
  for (const currency of [...new Set(currencies)].filter((c) => c !== BASE_CURRENCY).sort()) {
    const profile = CURRENCIES[currency as CurrencyCode];
    const known = byCurrency.get(currency) ?? new Map<IsoDate, string>();
    const random = createRandomSource(seed, `scale/fx/${currency}`);
    const walk = Float64Array.from(
      simulateFxPath(
        profile?.usdPerUnit ?? 1,
        profile?.annualVolatility ?? 0.1,
        { steps: days.length - 1, dtYears: 1 / 252, tailDegreesOfFreedom: FX_DEGREES_OF_FREEDOM },
        random,
      ),
    );
    const anchors = new Map<number, number>();
    days.forEach((date, i) => {
      const rate = known.get(date);
      if (rate) anchors.set(i, Number(rate));
    });
    if (anchors.size === 0) {
      // The range misses both period dates: keep the walk near the nearer one's level.
      const nearer = known.get(days[0] > PERIOD_2 ? PERIOD_2 : PERIOD_1);
      if (nearer) anchors.set(days[0] > PERIOD_2 ? 0 : days.length - 1, Number(nearer));
    }
    const path = anchorPath(walk, anchors);
    series.set(
      currency,
      days.map((date, i) => {
        const stored = known.get(date);
        if (stored) return stored;
        const rate = rateText(path[i]);
        newRows.push({ currency, date, rate });
        return rate;
      }),
    );
  }
  return {
    rate(currency, day) {
      if (currency === BASE_CURRENCY) return '1';
      const rates = series.get(currency);
      if (!rates) throw new Error(`no FX series for ${currency}`);
      return rates[day];
    },
    newRows,
  };
}

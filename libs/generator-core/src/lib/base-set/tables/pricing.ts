import { NUMERIC } from '@securities/database';
import { createRandomSource, DailyBar, IsoDate, simulateDailyBar } from '@securities/market-sim';
import { CsvRow } from '../base-set-tables';
import { priceText } from '../formats';
import { fixed } from '../money';
import { Market } from '../market/market-model';
import { dailyVolatility } from '../market/security-volatility';
import { SecurityModel } from '../universe/universe-model';

/** Bonds trade in nominal, in pieces of 1,000. */
const BOND_VOLUME_STEP = 1_000;

/** A day with no trading: the fixing (a fund's NAV, a matured bond's redemption) is the whole bar. */
function fixingBar(price: number): DailyBar {
  return { open: price, high: price, low: price, close: price, vwap: price, volume: 0 };
}

function dayBar(security: SecurityModel, market: Market, date: IsoDate, seed: number): DailyBar {
  const close = market.close(security.securityId, date);
  const { pricing } = security;
  const redeemed = security.maturityDate !== null && date >= security.maturityDate;
  if (pricing.kind === 'nav' || redeemed) return fixingBar(close);
  const previousClose = market.close(
    security.securityId,
    market.days[market.days.indexOf(date) - 1],
  );
  // One stream per bar, so the bars of one date never depend on those of the other.
  const random = createRandomSource(seed, `bar/${security.securityId}/${date}`);
  return simulateDailyBar(
    {
      previousClose,
      close,
      dailyVolatility: dailyVolatility(security),
      priceDecimals: security.priceDecimals,
      vwapDecimals: Math.min(NUMERIC.price.scale, security.priceDecimals + 2),
      averageVolume: pricing.averageVolume,
      volumeStep:
        pricing.kind === 'gbm'
          ? pricing.volumeStep
          : pricing.kind === 'bond'
            ? BOND_VOLUME_STEP
            : 1,
    },
    random,
  );
}

/** One daily bar per security on the date: pricing_period_1 or pricing_period_2. */
export function pricingRows(
  securities: readonly SecurityModel[],
  market: Market,
  date: IsoDate,
  seed: number,
): CsvRow[] {
  return securities.map((security, i) => {
    const bar = dayBar(security, market, date, seed);
    return {
      pricing_id: String(i + 1),
      security_id: security.securityId,
      price_date: date,
      open_price: priceText(security, bar.open),
      high_price: priceText(security, bar.high),
      low_price: priceText(security, bar.low),
      close_price: priceText(security, bar.close),
      volume: String(bar.volume),
      vwap: fixed(bar.vwap, Math.min(NUMERIC.price.scale, security.priceDecimals + 2)),
    };
  });
}

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

/**
 * Each split security's shares per share from before its splits, on the date (4 from the ex-date
 * of a 4-for-1 split on): average volumes are in pre-split shares, bars in the shares of the day.
 */
function sharesPerOriginalShare(market: Market, date: IsoDate): ReadonlyMap<string, number> {
  const shares = new Map<string, number>();
  for (const action of market.corporateActions) {
    if (action.type === 'STOCK_SPLIT' && action.exDate <= date && action.ratio !== null) {
      shares.set(action.securityId, (shares.get(action.securityId) ?? 1) * action.ratio);
    }
  }
  return shares;
}

function dayBar(
  security: SecurityModel,
  market: Market,
  date: IsoDate,
  seed: number,
  shares: number,
): DailyBar {
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
      averageVolume: pricing.averageVolume * shares,
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
  const shares = sharesPerOriginalShare(market, date);
  return securities.map((security, i) => {
    const bar = dayBar(security, market, date, seed, shares.get(security.securityId) ?? 1);
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

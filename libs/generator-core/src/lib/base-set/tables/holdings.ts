import { NUMERIC } from '@securities/database';
import { days30360, FixedRateBond, IsoDate, previousCouponDate } from '@securities/market-sim';
import { marketValueUsd, weightsSummingToOne } from '@securities/variance';
import { PERIOD_1 } from '../base-set-counts';
import { CsvRow } from '../base-set-tables';
import { decimalText, fxRateText, moneyText, priceText, quantityText } from '../formats';
import { Market } from '../market/market-model';
import { Money } from '../money';
import { Position } from '../portfolios/position-model';

export interface Holding {
  position: Position;
  asOfDate: IsoDate;
  quantity: number;
  marketValue: Money;
  weight: Money;
  costBasis: Money;
  accruedInterest: Money;
}

const DAYS_PER_YEAR_30360 = 360;
/** A coupon is in percent of par; a bond's price factor turns a per-100 amount into money. */
const PRICE_FACTOR_PER_100 = '0.01';

/**
 * Interest accrued on a holding since the bond's last coupon, in USD: quantity x coupon (as the
 * stored percent of par) x 30/360 days / 360 x price factor x FX. In exact decimals, so an amount
 * that lands on half a cent rounds the way PostgreSQL would.
 */
function accruedInterestUsd(
  bond: FixedRateBond,
  couponRate: number,
  quantity: number,
  date: IsoDate,
  fxRate: string,
): Money {
  if (date >= bond.maturityDate) return new Money(0);
  const days = days30360(previousCouponDate(bond, date), date);
  return new Money(quantity)
    .times(decimalText(couponRate * 100, NUMERIC.percent.scale))
    .times(days)
    .dividedBy(DAYS_PER_YEAR_30360)
    .times(PRICE_FACTOR_PER_100)
    .times(fxRate)
    .toDecimalPlaces(NUMERIC.money.scale);
}

/** The holdings on one of the two dates: every position held then, by portfolio and security. */
export function buildHoldings(
  positions: readonly Position[],
  market: Market,
  asOfDate: IsoDate,
): Holding[] {
  const held = positions
    .map((position) => ({
      position,
      quantity: asOfDate === PERIOD_1 ? position.quantity1 : position.quantity2,
    }))
    .filter(({ quantity }) => quantity !== 0)
    .sort(
      (a, b) =>
        a.position.portfolioId.localeCompare(b.position.portfolioId) ||
        a.position.security.securityId.localeCompare(b.position.security.securityId),
    );

  const valued = held.map(({ position, quantity }) => {
    const { security } = position;
    const fxRate = market.fxRate(security.currency, asOfDate);
    const accrued =
      security.pricing.kind === 'bond' && security.couponRate !== null
        ? accruedInterestUsd(
            security.pricing.bond,
            security.couponRate,
            quantity,
            asOfDate,
            fxRateText(fxRate),
          )
        : new Money(0);
    return {
      position,
      asOfDate,
      quantity,
      marketValue: marketValueUsd(
        quantityText(quantity),
        priceText(security, market.close(security.securityId, asOfDate)),
        security.priceFactor,
        fxRateText(fxRate),
      ),
      costBasis: asOfDate === PERIOD_1 ? position.costBasis1 : position.costBasis2,
      accruedInterest: accrued,
    };
  });

  const portfolios = [...new Set(valued.map((holding) => holding.position.portfolioId))];
  return portfolios.flatMap((portfolioId) => {
    const inPortfolio = valued.filter((holding) => holding.position.portfolioId === portfolioId);
    const weights = weightsSummingToOne(inPortfolio.map((holding) => holding.marketValue));
    return inPortfolio.map((holding, i) => ({ ...holding, weight: weights[i] }));
  });
}

export function holdingRows(holdings: readonly Holding[]): CsvRow[] {
  return holdings.map((holding, i) => ({
    holding_id: String(i + 1),
    security_id: holding.position.security.securityId,
    portfolio_id: holding.position.portfolioId,
    quantity: quantityText(holding.quantity),
    market_value: moneyText(holding.marketValue),
    weight: holding.weight.toFixed(NUMERIC.weight.scale),
    cost_basis: moneyText(holding.costBasis),
    accrued_interest: moneyText(holding.accruedInterest),
    as_of_date: holding.asOfDate,
  }));
}

import { NUMERIC } from '@securities/database';
import { NON_BASE_CURRENCIES, ratingLabel } from '@securities/market-sim';
import { PERIOD_1, PERIOD_2 } from '../base-set-counts';
import { CsvRow } from '../base-set-tables';
import { decimalText, fxRateText, nullable } from '../formats';
import { RatingEvent } from '../market/credit-history';
import { Market } from '../market/market-model';
import { PORTFOLIO_PLANS } from '../portfolios/portfolio-plan';
import { IssuerModel, SecurityModel } from '../universe/universe-model';

const BASE_CURRENCY = 'USD';

/** Issuer rows, of the base set or of a grown universe. */
export function issuerRows(issuers: readonly IssuerModel[]): CsvRow[] {
  return issuers.map((issuer) => ({
    issuer_id: issuer.issuerId,
    issuer_name: issuer.name,
    country: issuer.country,
    sector: issuer.sector,
    industry: issuer.industry,
    lei: issuer.lei,
  }));
}

/** securities_master rows, of the base set or of a grown universe. */
export function securityRows(securities: readonly SecurityModel[]): CsvRow[] {
  return securities.map((security) => ({
    security_id: security.securityId,
    isin: security.isin,
    cusip: security.cusip,
    sedol: security.sedol,
    ticker: security.ticker,
    security_name: security.name,
    security_type: security.type,
    asset_class: security.assetClass,
    currency: security.currency,
    exchange: security.exchange,
    issuer_id: security.issuerId,
    issue_date: security.issueDate,
    maturity_date: security.maturityDate,
    // The schema keeps coupons in percent of par.
    coupon_rate: nullable(security.couponRate, (rate) =>
      decimalText(rate * 100, NUMERIC.percent.scale),
    ),
    status: security.status,
  }));
}

export function portfolioRows(): CsvRow[] {
  return PORTFOLIO_PLANS.map((plan) => ({
    portfolio_id: plan.portfolioId,
    portfolio_name: plan.name,
    portfolio_type: plan.type,
    benchmark: plan.benchmark,
    inception_date: plan.inceptionDate,
    currency: BASE_CURRENCY,
  }));
}

/** USD per unit of each of the 13 currencies, on both dates. */
export function fxRateRows(market: Market): CsvRow[] {
  return [PERIOD_1, PERIOD_2]
    .flatMap((date) => NON_BASE_CURRENCIES.map((currency) => ({ currency, date })))
    .map(({ currency, date }, i) => ({
      rate_id: String(i + 1),
      from_currency: currency,
      to_currency: BASE_CURRENCY,
      rate_date: date,
      rate: fxRateText(market.fxRate(currency, date)),
    }));
}

/** The rating rows, issuer by issuer, oldest first, their ids from `firstId` on. */
export function creditRatingRows(history: readonly RatingEvent[], firstId = 1): CsvRow[] {
  return [...history]
    .sort((a, b) => a.issuerId.localeCompare(b.issuerId) || a.date.localeCompare(b.date))
    .map((event, i) => ({
      rating_id: String(firstId + i),
      issuer_id: event.issuerId,
      rating: ratingLabel(event.notch, event.agency),
      rating_date: event.date,
      agency: event.agency,
      action: event.action,
    }));
}

export function corporateActionRows(market: Market): CsvRow[] {
  return market.corporateActions.map((action, i) => ({
    action_id: String(i + 1),
    security_id: action.securityId,
    action_type: action.type,
    ex_date: action.exDate,
    record_date: action.recordDate,
    payment_date: action.paymentDate,
    ratio: nullable(action.ratio, (ratio) => decimalText(ratio, NUMERIC.ratio.scale)),
    amount: nullable(action.amount, (amount) => decimalText(amount, NUMERIC.price.scale)),
  }));
}

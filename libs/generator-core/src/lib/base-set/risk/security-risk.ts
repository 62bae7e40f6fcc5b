import {
  blackScholes,
  convexity,
  creditSpread,
  CURRENCIES,
  equityBeta,
  EquityProcess,
  IsoDate,
  modifiedDuration,
  PositionRisk,
  riskFreeYield,
  TRADING_DAYS_PER_YEAR,
  yearsBetween,
} from '@securities/market-sim';
import { notchOn, RatingEvent } from '../market/credit-history';
import {
  EQUITY_MARKET_VOLATILITY,
  RATE_DAILY_VOLATILITY,
  SPREAD_DAILY_VOLATILITY,
  SPREAD_RELATIVE_VOLATILITY,
} from '../market/market-parameters';
import { Market } from '../market/market-model';
import { SecurityModel } from '../universe/universe-model';

const ANNUAL = Math.sqrt(TRADING_DAYS_PER_YEAR);
const RATE_VOLATILITY = RATE_DAILY_VOLATILITY * ANNUAL;
const OWN_SPREAD_VOLATILITY = SPREAD_DAILY_VOLATILITY * ANNUAL;
const MARKET_FACTOR = 'equity-market';

/** A security's risk figures on a date, from the same parameters its prices were simulated with. */
export interface SecurityRisk {
  /** Beta to the equity market (shares, funds, futures, options). */
  beta: number | null;
  /** Modified duration and convexity in years (bonds and notes). */
  duration: number | null;
  convexity: number | null;
  /** Annualised volatility of its return, as a fraction. */
  volatility: number;
  /**
   * Risk of one USD held: the factor loadings and own risk, before FX. An option is its delta's
   * worth of the underlying.
   */
  perUsd: PositionRisk;
}

function equityRisk(process: EquityProcess, leverage = 1): SecurityRisk {
  const own = Math.sqrt(Math.max(0, 1 - process.marketLoading ** 2 - process.sectorLoading ** 2));
  const volatility = process.annualVolatility * leverage;
  return {
    beta: equityBeta(process, EQUITY_MARKET_VOLATILITY) * leverage,
    duration: null,
    convexity: null,
    volatility: Math.abs(volatility),
    perUsd: {
      factorExposuresUsd: {
        [MARKET_FACTOR]: volatility * process.marketLoading,
        [`sector:${process.sector}`]: volatility * process.sectorLoading,
      },
      idiosyncraticUsd: Math.abs(volatility) * own,
    },
  };
}

export interface RiskInputs {
  market: Market;
  ratings: readonly RatingEvent[];
  securities: ReadonlyMap<string, SecurityModel>;
}

export function securityRisk(
  security: SecurityModel,
  date: IsoDate,
  inputs: RiskInputs,
): SecurityRisk {
  const { pricing } = security;
  switch (pricing.kind) {
    case 'gbm':
    case 'nav':
      return equityRisk(pricing.process);
    case 'option': {
      const underlying = inputs.securities.get(pricing.underlyingId);
      if (!underlying || underlying.pricing.kind !== 'gbm' || !security.maturityDate) {
        throw new Error(`option ${security.securityId} has no share underlying`);
      }
      const spot = inputs.market.close(underlying.securityId, date);
      const years = yearsBetween(date, security.maturityDate);
      const { delta } = blackScholes({
        kind: pricing.optionKind,
        spot,
        strike: pricing.strike,
        years,
        rate: riskFreeYield('USD', years),
        volatility: underlying.pricing.process.annualVolatility,
      });
      // Elasticity: a 1% move in the share moves the option by delta * spot / premium percent.
      const elasticity = (delta * spot) / inputs.market.close(security.securityId, date);
      return equityRisk(underlying.pricing.process, elasticity);
    }
    case 'bond': {
      const { bond, ratedIssuerId } = pricing;
      const yieldRate = inputs.market.bondYield(security.securityId, date);
      const duration = modifiedDuration(bond, date, yieldRate);
      const spreadVolatility =
        creditSpread(notchOn(inputs.ratings, ratedIssuerId, date)) * SPREAD_RELATIVE_VOLATILITY;
      return {
        beta: null,
        duration,
        convexity: convexity(bond, date, yieldRate),
        volatility:
          duration *
          Math.sqrt(RATE_VOLATILITY ** 2 + spreadVolatility ** 2 + OWN_SPREAD_VOLATILITY ** 2),
        perUsd: {
          factorExposuresUsd: {
            [`rates:${security.currency}`]: -duration * RATE_VOLATILITY,
            credit: -duration * spreadVolatility,
          },
          idiosyncraticUsd: duration * OWN_SPREAD_VOLATILITY,
        },
      };
    }
  }
}

/** A position's risk: its security's per-USD risk scaled by its USD value, plus its currency's. */
export function positionRisk(
  security: SecurityModel,
  risk: SecurityRisk,
  valueUsd: number,
): PositionRisk {
  const factorExposuresUsd: Record<string, number> = {};
  for (const [factor, exposure] of Object.entries(risk.perUsd.factorExposuresUsd)) {
    factorExposuresUsd[factor] = exposure * valueUsd;
  }
  if (security.currency !== 'USD') {
    factorExposuresUsd[`fx:${security.currency}`] =
      valueUsd * CURRENCIES[security.currency].annualVolatility;
  }
  return {
    factorExposuresUsd,
    idiosyncraticUsd: Math.abs(valueUsd) * risk.perUsd.idiosyncraticUsd,
  };
}

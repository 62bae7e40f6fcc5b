import { normalCdf } from './normal-distribution';

export interface OptionInput {
  kind: 'call' | 'put';
  spot: number;
  strike: number;
  /** Time to expiry in years (> 0). */
  years: number;
  /** Continuously compounded risk-free rate. */
  rate: number;
  /** Annualised volatility of the underlying. */
  volatility: number;
}

export interface OptionValue {
  price: number;
  /** Price change per unit change of the spot. */
  delta: number;
}

/** Black-Scholes value of a European option on a non-dividend-paying underlying. */
export function blackScholes(input: OptionInput): OptionValue {
  const { kind, spot, strike, years, rate, volatility } = input;
  if (!(years > 0 && volatility > 0 && spot > 0 && strike > 0)) {
    throw new RangeError('Black-Scholes needs positive spot, strike, time and volatility');
  }
  const spread = volatility * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (rate + (volatility * volatility) / 2) * years) / spread;
  const d2 = d1 - spread;
  const discountedStrike = strike * Math.exp(-rate * years);
  return kind === 'call'
    ? { price: spot * normalCdf(d1) - discountedStrike * normalCdf(d2), delta: normalCdf(d1) }
    : {
        price: discountedStrike * normalCdf(-d2) - spot * normalCdf(-d1),
        delta: normalCdf(d1) - 1,
      };
}

import {
  correlation,
  excessKurtosis,
  lagCorrelation,
  leverageCorrelation,
  mean,
} from '@securities/market-sim';
import { SESSION_WINDOWS } from '../../src/lib/realism/realism-query';
import { SecurityFact } from '../../src/lib/realism/realism-facts';

/** One session's ticks, as arrays over its 1,170 ticks. */
export interface SessionTicks {
  price: ArrayLike<number>;
  volume: ArrayLike<number>;
  bid: ArrayLike<number>;
  ask: ArrayLike<number>;
}

const safe = (compute: () => number): number | null => {
  try {
    const value = compute();
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
};

/** Log returns between consecutive closes. */
export const logReturns = (closes: ArrayLike<number>): number[] =>
  Array.from({ length: closes.length - 1 }, (_, i) => Math.log(closes[i + 1] / closes[i]));

/**
 * The realism report's per-security facts computed in TypeScript, an oracle independent of the
 * SQL: daily facts from the (split-adjusted) closes and volumes, intraday ones from the sessions.
 */
export function securityFacts(
  closes: ArrayLike<number>,
  volumes: ArrayLike<number>,
  sessions: readonly SessionTicks[],
): Record<SecurityFact, number | null> {
  const returns = logReturns(closes);
  const absolute = returns.map(Math.abs);
  const horizon = (step: number) => {
    const out: number[] = [];
    for (const session of sessions) {
      for (let i = step; i < session.price.length; i += step)
        out.push(Math.log(session.price[i] / session.price[i - step]));
    }
    return out;
  };
  const inWindow = (
    window: { from: number; to: number },
    value: (session: SessionTicks, tick: number) => number,
    first = window.from,
  ) => {
    let sum = 0;
    for (const session of sessions) {
      for (let tick = first; tick < window.to; tick++) sum += value(session, tick);
    }
    return sum / (sessions.length * (window.to - first));
  };
  const { open, midday, close } = SESSION_WINDOWS;
  const squaredReturn = (session: SessionTicks, tick: number) =>
    Math.log(session.price[tick] / session.price[tick - 1]) ** 2;
  const volume = (session: SessionTicks, tick: number) => session.volume[tick];
  const spread = (session: SessionTicks, tick: number) =>
    (session.ask[tick] - session.bid[tick]) / session.price[tick];
  const intraday = sessions.length > 0;
  // A ratio over parts of the session; none without sessions or when midday is 0 (SQL: NULL).
  const ratio = (compute: () => number) => (intraday ? safe(compute) : null);
  return {
    kurtosis_1d: safe(() => excessKurtosis(returns)),
    return_acf1: safe(() => lagCorrelation(returns, 1)),
    abs_acf1: safe(() => lagCorrelation(absolute, 1)),
    abs_acf20: safe(() => lagCorrelation(absolute, 20)),
    leverage: safe(() => leverageCorrelation(returns)),
    volume_abs: safe(() => correlation(Array.from(volumes).slice(1), absolute)),
    kurtosis_20s: intraday ? safe(() => excessKurtosis(horizon(1))) : null,
    kurtosis_1m: intraday ? safe(() => excessKurtosis(horizon(3))) : null,
    kurtosis_1h: intraday ? safe(() => excessKurtosis(horizon(180))) : null,
    volume_open: ratio(() => inWindow(open, volume) / inWindow(midday, volume)),
    volume_close: ratio(() => inWindow(close, volume) / inWindow(midday, volume)),
    volatility_open: ratio(() =>
      Math.sqrt(
        inWindow(open, squaredReturn, open.from + 1) /
          inWindow(midday, squaredReturn, midday.from + 1),
      ),
    ),
    volatility_close: ratio(() =>
      Math.sqrt(
        inWindow(close, squaredReturn, close.from + 1) /
          inWindow(midday, squaredReturn, midday.from + 1),
      ),
    ),
    spread_open: ratio(() => inWindow(open, spread) / inWindow(midday, spread)),
  };
}

/** Mean pairwise correlation of daily returns, within a sector and across sectors. */
export function sectorCorrelations(
  securities: readonly { sector: string; returns: readonly number[] }[],
): { within: number; across: number } {
  const within: number[] = [];
  const across: number[] = [];
  securities.forEach((a, i) =>
    securities.slice(i + 1).forEach((b) => {
      (a.sector === b.sector ? within : across).push(correlation(a.returns, b.returns));
    }),
  );
  return { within: mean(within), across: mean(across) };
}

/**
 * The daily bar's vwap, exactly as pricing_history stores it and as SQL computes it from the ticks:
 * round(sum(price x volume) / sum(volume), 6), half away from zero; the close when nothing traded.
 * Prices are integer units of 1e-4, so the vwap is an integer of 1e-6 ("micros"):
 * round(100 x S / V) with S = sum(units x volume). S x 200 passes 2^53 on busy days: BigInt.
 */
export function vwapMicros(price: ArrayLike<number>, volume: ArrayLike<number>): number {
  let priceVolume = 0n;
  let total = 0n;
  for (let i = 0; i < price.length; i++) {
    priceVolume += BigInt(price[i]) * BigInt(volume[i]);
    total += BigInt(volume[i]);
  }
  if (total === 0n) return price[price.length - 1] * 100;
  // floor((200 S + V) / 2V) = round half up of 100 S / V (S, V >= 0).
  return Number((200n * priceVolume + total) / (2n * total));
}

/** '30.863500' (a numeric(18,6) as text) as 30,863,500 micros. */
export function parseMicros(text: string): number {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) throw new Error(`not a positive decimal with at most 6 places: "${text}"`);
  return Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
}

/**
 * Re-spreads a day's volume over its ticks, leaving prices and the total untouched, so that its
 * vwap (as `vwapMicros` computes it) is exactly `targetMicros`: the day's bar given in advance
 * (the base set's pricing_period_1/2) must be the aggregate of its ticks, vwap included. The
 * volumes are tilted towards the prices above or below the target (a smooth reweighting, so the
 * intraday volume profile keeps its shape), then single shares move between two ticks until the
 * rounded vwap lands. The target must lie within [min price, max price] (x 100).
 */
export function pinVwap(price: ArrayLike<number>, volume: Int32Array, targetMicros: number): void {
  const n = price.length;
  let total = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    total += volume[i];
    if (price[i] < low) low = price[i];
    if (price[i] > high) high = price[i];
  }
  if (total === 0) return;
  const target = targetMicros / 100;
  if (target < low || target > high || high === low) {
    if (vwapMicros(price, volume) === targetMicros) return;
    throw new Error(`vwap ${targetMicros / 1e6} outside the ticks' prices ${low}..${high} (1e-4)`);
  }

  // Tilt: weight_i = volume_i x exp(lambda x_i), x_i in [-1, 1], lambda by bisection so the
  // weighted mean price is the target (the mean rises monotonically with lambda).
  const span = high - low;
  const tilted = (lambda: number, i: number) =>
    volume[i] * Math.exp(lambda * ((price[i] - target) / span));
  const excess = (lambda: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += tilted(lambda, i) * (price[i] - target);
    return sum;
  };
  let below = -60;
  let above = 60;
  for (let step = 0; step < 50; step++) {
    const middle = (below + above) / 2;
    if (excess(middle) < 0) below = middle;
    else above = middle;
  }
  const lambda = (below + above) / 2;
  // A tick with no volume stays without: the tilt only re-spreads what traded.
  const weights = new Float64Array(n);
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = tilted(lambda, i);
    weightSum += weights[i];
  }
  let assigned = 0;
  let heaviest = 0;
  for (let i = 0; i < n; i++) {
    volume[i] = Math.floor((total * weights[i]) / weightSum);
    assigned += volume[i];
    if (weights[i] > weights[heaviest]) heaviest = i;
  }
  volume[heaviest] += total - assigned;

  settleOnTarget(price, volume, BigInt(total), BigInt(targetMicros));
}

/**
 * Moves shares between ticks until round(100 S / V) = target, i.e. S in
 * [(2T - 1) V / 200, (2T + 1) V / 200): a window about V / 100 wide. Far from it, whole blocks move
 * from the cheapest (or dearest) ticks to the opposite extreme; near it, one share moves between
 * two ticks whose price difference lands in the window, else the move that comes closest.
 */
function settleOnTarget(
  price: ArrayLike<number>,
  volume: Int32Array,
  total: bigint,
  target: bigint,
): void {
  const n = price.length;
  let sum = 0n;
  for (let i = 0; i < n; i++) sum += BigInt(price[i]) * BigInt(volume[i]);
  const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
  const lowest = ceilDiv((2n * target - 1n) * total, 200n);
  const highest = ceilDiv((2n * target + 1n) * total, 200n) - 1n;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => price[a] - price[b]);
  const sorted = order.map((i) => price[i]);
  const span = sorted[n - 1] - sorted[0];
  const move = (from: number, to: number, shares: number) => {
    volume[from] -= shares;
    volume[to] += shares;
    sum += BigInt(shares) * BigInt(price[to] - price[from]);
  };
  /** Index into `order` of the first price >= value. */
  const firstAtLeast = (value: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  while (sum < lowest || sum > highest) {
    const rising = sum < lowest;
    const need = Number(rising ? lowest - sum : sum - highest);
    if (need > span) {
      const receiver = rising ? order[n - 1] : order[0];
      const donor = (rising ? order : [...order].reverse()).find(
        (i) => volume[i] > 0 && price[i] !== price[receiver],
      );
      if (donor === undefined) break;
      const gap = Math.abs(price[receiver] - price[donor]);
      move(donor, receiver, Math.min(volume[donor], Math.floor(need / gap)));
      continue;
    }
    const windowLow = Number(lowest - sum);
    const windowHigh = Number(highest - sum);
    let best: { from: number; to: number; miss: number } | undefined;
    for (const from of order) {
      if (volume[from] === 0) continue;
      const at = firstAtLeast(price[from] + windowLow);
      for (const k of [at - 1, at]) {
        if (k < 0 || k >= n || order[k] === from) continue;
        const change = sorted[k] - price[from];
        const miss =
          change < windowLow ? windowLow - change : change > windowHigh ? change - windowHigh : 0;
        if (!best || miss < best.miss) best = { from, to: order[k], miss };
      }
      if (best?.miss === 0) break;
    }
    // A move must bring S closer, or the vwap cannot be pinned: better to say so than loop.
    if (!best || best.miss >= need) break;
    move(best.from, best.to, 1);
  }
  if (sum < lowest || sum > highest)
    throw new Error(`cannot pin the vwap to ${Number(target) / 1e6}: the volume cannot move there`);
}

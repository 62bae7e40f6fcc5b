/** The four effects of the variance attribution, as the API names them for a position. */
export interface AttributionInput {
  mv_start: number;
  price_effect: number;
  qty_effect: number;
  fx_effect: number;
  corp_action_effect: number;
  mv_end: number;
}

/** The same for a whole portfolio (the summary's names). */
export interface SummaryInput {
  total_mv_start: number;
  total_price_effect: number;
  total_qty_effect: number;
  total_fx_effect: number;
  total_corp_action_effect: number;
  total_mv_end: number;
}

export interface WaterfallStep {
  label: string;
  kind: 'total' | 'rise' | 'fall';
  /** Where the bar starts and ends on the value axis (a total starts at 0). */
  from: number;
  to: number;
  /** What the step adds (a total: its value). */
  amount: number;
}

export interface Waterfall {
  steps: WaterfallStep[];
  /** Start + the four effects, to the cent. */
  computedEnd: number;
  /** The end market value the API gave. */
  end: number;
  /** computedEnd - end in cents: 0 when the attribution adds up. */
  gapCents: number;
}

export const summaryAsAttribution = (summary: SummaryInput): AttributionInput => ({
  mv_start: summary.total_mv_start,
  price_effect: summary.total_price_effect,
  qty_effect: summary.total_qty_effect,
  fx_effect: summary.total_fx_effect,
  corp_action_effect: summary.total_corp_action_effect,
  mv_end: summary.total_mv_end,
});

const cents = (amount: number): number => Math.round(amount * 100);

/**
 * Start market value, then price, quantity, FX and corporate-action effects as floating steps,
 * then the end market value. Sums run in whole cents (the API's amounts have two decimals), so
 * the check is exact rather than floating point.
 */
export function waterfallOf(attribution: AttributionInput): Waterfall {
  const effects: [string, number][] = [
    ['Price', attribution.price_effect],
    ['Quantity', attribution.qty_effect],
    ['FX', attribution.fx_effect],
    ['Corporate actions', attribution.corp_action_effect],
  ];
  let running = cents(attribution.mv_start);
  const steps: WaterfallStep[] = [
    {
      label: 'Start market value',
      kind: 'total',
      from: 0,
      to: running / 100,
      amount: running / 100,
    },
  ];
  for (const [label, effect] of effects) {
    const next = running + cents(effect);
    steps.push({
      label,
      kind: next >= running ? 'rise' : 'fall',
      from: running / 100,
      to: next / 100,
      amount: (next - running) / 100,
    });
    running = next;
  }
  const end = cents(attribution.mv_end);
  steps.push({
    label: 'End market value',
    kind: 'total',
    from: 0,
    to: end / 100,
    amount: end / 100,
  });
  return { steps, computedEnd: running / 100, end: end / 100, gapCents: running - end };
}

/**
 * A step as a floating bar: an invisible base up to its lower end, then its height. Stacked with
 * ECharts' `stackStrategy: 'all'`, so a step that crosses zero still spans from one end to the other.
 */
export function floatingBar(step: WaterfallStep): { base: number; height: number } {
  const low = Math.min(step.from, step.to);
  return { base: low, height: Math.max(step.from, step.to) - low };
}

/**
 * Where the value axis starts: below the lowest end of any step by half the steps' spread, so
 * effects of a fraction of a percent are still visible; zero when anything reaches zero or below
 * (the totals are then drawn whole).
 */
export function waterfallAxisMin(waterfall: Waterfall): number {
  const ends = waterfall.steps.flatMap((step) =>
    step.kind === 'total' ? [step.to] : [step.from, step.to],
  );
  const lowest = Math.min(...ends);
  const highest = Math.max(...ends);
  if (lowest <= 0) return 0;
  const floor = lowest - (highest - lowest) / 2;
  if (floor <= 0) return 0;
  // A round number: the floor to two significant digits.
  const unit = 10 ** (Math.floor(Math.log10(floor)) - 1);
  return Math.floor(floor / unit) * unit;
}

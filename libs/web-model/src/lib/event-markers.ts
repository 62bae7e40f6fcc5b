import type { BarInterval } from '@securities/vocabulary';
import { barTimeForDate } from './candles';
import { chartSeconds, ChartSeconds } from './chart-time';
import { PALETTE } from './palette';

/** The fields of a corporate action the chart marks (the API's response has more). */
export interface ActionInput {
  action_type: string;
  ex_date: string;
  ratio: number | null;
  amount: number | null;
}

export interface RatingInput {
  rating_date: string;
  agency: string;
  rating: string;
  action: string;
}

/** As lightweight-charts' SeriesMarker. */
export interface EventMarker {
  time: ChartSeconds;
  position: 'aboveBar' | 'belowBar';
  shape: 'arrowUp' | 'arrowDown' | 'circle' | 'square';
  color: string;
  text: string;
}

function actionText(action: ActionInput): string {
  switch (action.action_type) {
    case 'STOCK_SPLIT':
      return `Split ${action.ratio ?? '?'}:1`;
    case 'DIVIDEND':
      return `Dividend ${action.amount ?? ''}`.trim();
    case 'COUPON':
      return `Coupon ${action.amount ?? ''}`.trim();
    case 'MATURITY':
      return 'Maturity';
    default:
      return action.action_type;
  }
}

const RATING_SHAPES: Record<string, EventMarker['shape']> = {
  UPGRADE: 'arrowUp',
  DOWNGRADE: 'arrowDown',
};

/**
 * Markers for corporate actions (above the bars) and rating changes (below), each on the bar its
 * date belongs to, in time order as the chart requires; events outside the bars are left out.
 */
export function eventMarkers(
  bars: readonly { bar_time: string }[],
  interval: BarInterval,
  actions: readonly ActionInput[],
  ratings: readonly RatingInput[] = [],
): EventMarker[] {
  const markers: EventMarker[] = [];
  for (const action of actions) {
    const barTime = barTimeForDate(action.ex_date, bars, interval);
    if (barTime === null) continue;
    markers.push({
      time: chartSeconds(barTime),
      position: 'aboveBar',
      shape: action.action_type === 'STOCK_SPLIT' ? 'square' : 'circle',
      color: PALETTE.event,
      text: actionText(action),
    });
  }
  for (const rating of ratings) {
    const barTime = barTimeForDate(rating.rating_date, bars, interval);
    if (barTime === null) continue;
    const shape = RATING_SHAPES[rating.action] ?? 'circle';
    markers.push({
      time: chartSeconds(barTime),
      position: 'belowBar',
      shape,
      color:
        rating.action === 'DOWNGRADE'
          ? PALETTE.down
          : rating.action === 'UPGRADE'
            ? PALETTE.up
            : PALETTE.neutral,
      text: `${rating.agency} ${rating.rating}`,
    });
  }
  return markers.sort((a, b) => a.time - b.time);
}

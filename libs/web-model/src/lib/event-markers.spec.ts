import { eventMarkers } from './event-markers';
import { PALETTE } from './palette';

const days = ['2025-02-05', '2025-02-06', '2025-02-07', '2025-02-10'].map((bar_time) => ({
  bar_time,
}));

describe('eventMarkers: corporate actions and rating changes on the chart', () => {
  it('marks a split, a dividend, a coupon and a maturity above their bars, in time order', () => {
    const markers = eventMarkers(days, '1d', [
      { action_type: 'MATURITY', ex_date: '2025-02-10', ratio: null, amount: null },
      { action_type: 'STOCK_SPLIT', ex_date: '2025-02-07', ratio: 4, amount: null },
      { action_type: 'DIVIDEND', ex_date: '2025-02-05', ratio: null, amount: 0.24 },
      { action_type: 'COUPON', ex_date: '2025-02-06', ratio: null, amount: 2.125 },
    ]);
    expect(markers.map((marker) => [marker.text, marker.position, marker.shape])).toEqual([
      ['Dividend 0.24', 'aboveBar', 'circle'],
      ['Coupon 2.125', 'aboveBar', 'circle'],
      ['Split 4:1', 'aboveBar', 'square'],
      ['Maturity', 'aboveBar', 'circle'],
    ]);
    expect(markers.map((marker) => marker.time)).toEqual([
      1738713600, 1738800000, 1738886400, 1739145600,
    ]);
  });

  it('marks rating changes below the bars, a downgrade pointing down in the falls colour', () => {
    const [downgrade, upgrade] = eventMarkers(
      days,
      '1d',
      [],
      [
        { rating_date: '2025-02-06', agency: "Moody's", rating: 'Baa1', action: 'DOWNGRADE' },
        { rating_date: '2025-02-10', agency: 'S&P', rating: 'A', action: 'UPGRADE' },
        { rating_date: '2017-12-07', agency: "Moody's", rating: 'A3', action: 'INITIAL' },
      ],
    );
    expect(downgrade).toEqual({
      time: 1738800000,
      position: 'belowBar',
      shape: 'arrowDown',
      color: PALETTE.down,
      text: "Moody's Baa1",
    });
    expect(upgrade).toMatchObject({ shape: 'arrowUp', color: PALETTE.up, text: 'S&P A' });
  });
});

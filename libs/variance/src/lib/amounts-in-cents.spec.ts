import { amountsInCents, attributePosition, VARIANCE_AMOUNT_COLUMNS } from '../index';

describe('amountsInCents: an attribution as the variance tables store it', () => {
  it('puts each amount, as cents text, under its column, in the tables order', () => {
    // 10 @ 2.005 -> 10 @ 3.00, USD: mv 20.05 -> 30.00; all of it price effect.
    const attribution = attributePosition({
      start: { quantity: 10, price: '2.005', fxRate: 1 },
      end: { quantity: 10, price: '3.00', fxRate: 1 },
      priceFactor: 1,
      corporateActions: [],
    });
    const amounts = amountsInCents(attribution);
    expect(Object.keys(amounts)).toEqual([...VARIANCE_AMOUNT_COLUMNS]);
    expect(amounts).toEqual({
      mv_start: '20.05',
      mv_end: '30.00',
      price_effect: '9.95',
      qty_effect: '0.00',
      fx_effect: '0.00',
      corp_action_effect: '0.00',
      total_pnl: '9.95',
    });
  });
});

import {
  bondName,
  bondTicker,
  contractMonth,
  couponText,
  futureName,
  futureTicker,
  issuerId,
  noteTicker,
  optionName,
  optionTicker,
  parseOptionName,
  securityId,
} from './instrument-names';

describe('instrument ids, tickers and names', () => {
  it('pads ids to the seed’s widths', () => {
    expect(securityId(7)).toBe('SEC-0007');
    expect(securityId(1000)).toBe('SEC-1000');
    expect(issuerId(71)).toBe('ISS-071');
  });

  it.each([
    [0.04125, '4.125'],
    [0.045, '4.5'],
    [0.05, '5'],
    [0.015, '1.5'],
    [0.07375, '7.375'],
  ])('writes a coupon of %s as %s percent', (rate, text) => {
    expect(couponText(rate)).toBe(text);
  });

  it('names a bond by coupon and maturity', () => {
    expect(bondTicker('NGT', 0.04125, '2031-06-15')).toBe('NGT 4.125 06/15/31');
    expect(bondName('Northgate Corp', 0.045, 'Senior Notes', '2031-06-15')).toBe(
      'Northgate Corp 4.5% Senior Notes due 2031',
    );
  });

  it('names a CLO or ABS note by vintage, series and tranche', () => {
    expect(noteTicker('NGF', 2021, 1, 'A-1')).toBe('NGF 21-1 A-1');
  });

  it('names an option in the OCC style and reads its strike and kind back', () => {
    expect(optionTicker('MRGI', '2025-06-20', 'call', 150)).toBe('MRGI 250620C150');
    expect(optionTicker('MRGI', '2026-01-16', 'put', 95)).toBe('MRGI 260116P95');
    const name = optionName('Maplewater Retail Group, Inc.', '2025-09-19', 150, 'put');
    expect(name).toBe('Maplewater Retail Group, Inc. Sep 2025 150 Put');
    expect(parseOptionName(name)).toEqual({ strike: 150, kind: 'put' });
    expect(parseOptionName('Maplewater Retail Group, Inc.')).toBeUndefined();
  });

  it('names a future by root, month code and year digit', () => {
    expect(futureTicker('ES', '2025-06-20')).toBe('ESM5');
    expect(futureTicker('GC', '2026-12-28')).toBe('GCZ6');
    expect(futureTicker('NQ', '2027-01-15')).toBe('NQF7');
    expect(futureName('Gold Futures', '2025-06-26')).toBe('Gold Futures Jun 2025');
    expect(contractMonth('2025-03-21')).toBe('Mar 2025');
  });
});

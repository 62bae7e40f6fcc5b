import { accrualDays, couponBond } from '../src/lib/holdings/bond-accrual';
import { ScaleSecurity } from '../src/lib/prices/security-path';

/**
 * The base set issues EUR, CHF, SEK and NOK bonds with one coupon a year and the rest with two;
 * the scale run accrues interest on the days around the base snapshots, so it must count from the
 * same coupon dates. Expected days are counted by hand, 30/360: whole months x 30 plus the days.
 */
describe('accrued interest of an annual-coupon bond in the scale holdings', () => {
  const bond = (currency: string, securityType = 'BOND'): ScaleSecurity => ({
    securityId: 'SEC-0300',
    securityType,
    currency,
    sector: 'Financials',
    issueDate: '2020-06-15',
    maturityDate: '2030-06-15',
    couponRate: 3,
    pinnedBars: new Map(),
    splits: [],
  });
  const days = (security: ScaleSecurity, date: string) => accrualDays(couponBond(security), date);

  it('accrues a EUR 3% bond due 15 June from last 15 June: 210 days on 2025-01-15', () => {
    // 15 Jun 2024 -> 15 Jan 2025: 7 months x 30.
    expect(days(bond('EUR'), '2025-01-15')).toBe(210);
    // 10,000,000 nominal x 3% x 210 / 360 = 175,000.00 EUR, at 1.0354 USD per EUR 181,195.00 USD.
    const accruedUsd = (10_000_000 * 0.03 * (days(bond('EUR'), '2025-01-15') as number)) / 360;
    expect(Math.round(accruedUsd * 1.0354 * 100) / 100).toBe(181_195);
  });

  it('carries on across the base snapshot of 2024-12-31 a day at a time, without a jump', () => {
    // 15 Jun -> 30 Dec: 6 months x 30 + 15; -> 31 Dec: + 16; -> 2 Jan: 6 months + 17 (30/360).
    expect(days(bond('EUR'), '2024-12-30')).toBe(195);
    expect(days(bond('EUR'), '2024-12-31')).toBe(196);
    expect(days(bond('EUR'), '2025-01-02')).toBe(197);
  });

  it.each(['CHF', 'SEK', 'NOK'])('pays %s bonds once a year as well', (currency) => {
    expect(days(bond(currency), '2025-01-15')).toBe(210);
  });

  it('keeps USD bonds and notes on two coupons: 30 days since 15 December', () => {
    expect(days(bond('USD'), '2025-01-15')).toBe(30);
    expect(days(bond('USD', 'CLO'), '2025-01-15')).toBe(30);
  });

  it('accrues nothing from the maturity date on', () => {
    expect(days(bond('EUR'), '2030-06-15')).toBeNull();
  });
});

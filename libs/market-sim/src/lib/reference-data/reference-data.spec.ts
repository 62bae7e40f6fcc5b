import { COUNTRIES, COUNTRY_CODES } from './countries';
import {
  creditSpread,
  isInvestmentGrade,
  LOWEST_INVESTMENT_GRADE_NOTCH,
  ratingLabel,
  ratingNotch,
  shiftNotch,
  WORST_NOTCH,
} from './credit-ratings';
import { BASE_CURRENCY, CURRENCIES, NON_BASE_CURRENCIES } from './currencies';
import { EXCHANGES } from './exchanges';
import { SECTOR_NAMES, SECTORS } from './sectors';

describe('reference data', () => {
  it('has 15 countries whose currencies are USD and exactly 13 others', () => {
    expect(COUNTRY_CODES).toHaveLength(15);
    const currencies = new Set(COUNTRY_CODES.map((code) => COUNTRIES[code].currency));
    currencies.delete(BASE_CURRENCY);
    expect(currencies.size).toBe(13);
    expect([...currencies].sort()).toEqual([...NON_BASE_CURRENCIES].sort());
    expect(COUNTRIES.DE.currency).toBe('EUR');
    expect(COUNTRIES.FR.currency).toBe('EUR');
  });

  it('lists each country on its own exchanges', () => {
    for (const code of COUNTRY_CODES) {
      for (const key of COUNTRIES[code].equityExchanges) {
        expect(EXCHANGES[key].country).toBe(code);
      }
    }
    expect(EXCHANGES.NYSE).toMatchObject({
      timeZone: 'America/New_York',
      sessionOpen: '09:30',
      sessionClose: '16:00',
    });
  });

  it('keeps exchange names within the 20 characters of securities_master.exchange', () => {
    expect(Object.values(EXCHANGES).every((exchange) => exchange.code.length <= 20)).toBe(true);
  });

  it('gives every currency a positive FX level and a risk-free curve', () => {
    for (const profile of Object.values(CURRENCIES)) {
      expect(profile.usdPerUnit).toBeGreaterThan(0);
      expect(profile.riskFree.short).toBeGreaterThanOrEqual(0);
    }
    expect(CURRENCIES.USD.usdPerUnit).toBe(1);
  });

  it('has 11 sectors whose factor loadings leave room for the stock’s own risk', () => {
    expect(SECTOR_NAMES).toHaveLength(11);
    for (const sector of Object.values(SECTORS)) {
      expect(sector.marketLoading ** 2 + sector.sectorLoading ** 2).toBeLessThan(1);
      expect(sector.industries.length).toBeGreaterThan(1);
    }
  });

  describe('credit ratings', () => {
    it('writes a notch in each agency’s scale and reads both back', () => {
      expect(ratingLabel(8, 'S&P')).toBe('BBB');
      expect(ratingLabel(8, "Moody's")).toBe('Baa2');
      expect(ratingLabel(8, 'Fitch')).toBe('BBB');
      expect(ratingNotch('Baa2')).toBe(8);
      expect(ratingNotch('BB+')).toBe(10);
      expect(() => ratingNotch('ZZZ')).toThrow('not a rating: "ZZZ"');
    });

    it('draws the investment-grade line below BBB- / Baa3', () => {
      expect(ratingLabel(LOWEST_INVESTMENT_GRADE_NOTCH, 'S&P')).toBe('BBB-');
      expect(isInvestmentGrade(LOWEST_INVESTMENT_GRADE_NOTCH)).toBe(true);
      expect(isInvestmentGrade(LOWEST_INVESTMENT_GRADE_NOTCH + 1)).toBe(false);
    });

    it('widens spreads notch by notch', () => {
      for (let notch = 1; notch <= WORST_NOTCH; notch++) {
        expect(creditSpread(notch)).toBeGreaterThan(creditSpread(notch - 1));
      }
    });

    it('keeps upgrades and downgrades on the scale', () => {
      expect(shiftNotch(8, 3)).toBe(11);
      expect(shiftNotch(1, -3)).toBe(0);
      expect(shiftNotch(WORST_NOTCH - 1, 5)).toBe(WORST_NOTCH);
      expect(() => shiftNotch(1.5, 1)).toThrow('a rating notch is an integer');
    });
  });
});

import {
  addDays,
  addMonths,
  addYears,
  days30360,
  daysBetween,
  parseIsoDate,
  yearsBetween,
} from './iso-date';

describe('ISO dates', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-1-01', '20250101', ''])('rejects "%s"', (text) => {
    expect(() => parseIsoDate(text)).toThrow(`not a date in the form YYYY-MM-DD: "${text}"`);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adds months keeping the day, clamped to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', -6)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts calendar days and years', () => {
    expect(daysBetween('2024-12-31', '2025-03-31')).toBe(90);
    expect(daysBetween('2025-03-31', '2024-12-31')).toBe(-90);
    expect(yearsBetween('2025-01-01', '2026-01-01')).toBe(1);
  });

  it('counts 30/360 days with months of 30 days', () => {
    expect(days30360('2025-01-15', '2025-07-15')).toBe(180);
    expect(days30360('2025-01-31', '2025-03-31')).toBe(60);
    expect(days30360('2025-02-28', '2025-03-31')).toBe(33);
  });
});

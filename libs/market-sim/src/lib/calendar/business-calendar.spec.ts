import {
  addBusinessDays,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
  rollToBusinessDay,
} from './business-calendar';

describe('weekday business calendar', () => {
  it('has the 1,369 trading days of the scale set from 2020-01-01 to 2025-03-31', () => {
    expect(businessDaysBetween('2020-01-01', '2025-03-31')).toHaveLength(1369);
  });

  it('has 64 trading days after 2024-12-31 up to 2025-03-31', () => {
    const days = businessDaysBetween('2025-01-01', '2025-03-31');
    expect(days).toHaveLength(64);
    expect(days[0]).toBe('2025-01-01');
    expect(days[63]).toBe('2025-03-31');
  });

  it('skips weekends in both directions', () => {
    expect(isBusinessDay('2025-03-29')).toBe(false);
    expect(nextBusinessDay('2025-03-28')).toBe('2025-03-31');
    expect(previousBusinessDay('2025-03-31')).toBe('2025-03-28');
    expect(rollToBusinessDay('2025-03-29')).toBe('2025-03-31');
    expect(rollToBusinessDay('2025-03-27')).toBe('2025-03-27');
    expect(addBusinessDays('2025-03-27', 2)).toBe('2025-03-31');
    expect(addBusinessDays('2025-03-31', -2)).toBe('2025-03-27');
  });
});

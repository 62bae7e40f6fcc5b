import { createRandomSource } from '../random/random-source';
import { COUNTRIES, COUNTRY_CODES } from '../reference-data/countries';
import { SECTORS } from '../reference-data/sectors';
import { createCompanyNamer } from './company-names';

function names(seed: number, count: number) {
  const namer = createCompanyNamer(createRandomSource(seed, 'names'));
  const industries = Object.values(SECTORS).flatMap((sector) => sector.industries);
  return Array.from({ length: count }, (_, i) => {
    const country = COUNTRY_CODES[i % COUNTRY_CODES.length];
    return { country, ...namer.next(country, industries[i % industries.length]) };
  });
}

describe('createCompanyNamer', () => {
  it('makes 300 different names with different stems', () => {
    const made = names(1, 300);
    expect(new Set(made.map((name) => name.name)).size).toBe(300);
    expect(new Set(made.map((name) => name.stem)).size).toBe(300);
  });

  it('never draws a stem it was told is taken', () => {
    const stems = names(1, 40).map((name) => name.stem);
    const namer = createCompanyNamer(createRandomSource(1, 'names'), stems);
    const industry = SECTORS.Technology.industries[0];
    const fresh = Array.from({ length: 40 }, () => namer.next('DE', industry).stem);
    expect(fresh.filter((stem) => stems.includes(stem))).toEqual([]);
  });

  it('ends each name with a legal form of its country and fits securities_master', () => {
    for (const { country, name } of names(2, 150)) {
      expect(COUNTRIES[country].legalSuffixes.some((suffix) => name.endsWith(suffix))).toBe(true);
      expect(name.length).toBeLessThanOrEqual(200);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(names(3, 20)).toEqual(names(3, 20));
    expect(names(4, 20)).not.toEqual(names(3, 20));
  });
});

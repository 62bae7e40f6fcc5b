import { RandomSource } from '../random/random-source';
import { COUNTRIES, CountryCode } from '../reference-data/countries';
import { Industry } from '../reference-data/sectors';
import { LOCAL_NAME_STEMS, NAME_PREFIXES, NAME_ROOTS } from './word-lists';

/** How often a company outside the English-speaking markets gets a local-sounding name. */
const LOCAL_STEM_SHARE = 0.7;
const MAX_DRAWS = 1_000;

export interface CompanyName {
  /** The full legal name, e.g. "Northgate Semiconductor, Inc." or "Rheinmark Chemicals AG". */
  name: string;
  /** The distinctive part ("Northgate"), which tickers and bond tickers are made from. */
  stem: string;
}

export interface CompanyNamer {
  /** A new name for a company in the country and industry; never the same stem twice. */
  next(country: CountryCode, industry: Industry): CompanyName;
}

function compoundStem(random: RandomSource): string {
  const prefix = random.pick(NAME_PREFIXES);
  const root = random.pick(
    NAME_ROOTS.filter((candidate) => !prefix.toLowerCase().endsWith(candidate)),
  );
  return `${prefix}${root}`;
}

/** `takenStems`: names already in use (in the database a universe grows from), never drawn again. */
export function createCompanyNamer(
  random: RandomSource,
  takenStems: Iterable<string> = [],
): CompanyNamer {
  const usedStems = new Set<string>(takenStems);

  function drawStem(country: CountryCode): string {
    const local = LOCAL_NAME_STEMS[country]?.filter((stem) => !usedStems.has(stem)) ?? [];
    const useLocal = local.length > 0 && random.nextBoolean(LOCAL_STEM_SHARE);
    return useLocal ? random.pick(local) : compoundStem(random);
  }

  return {
    next(country, industry) {
      for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
        const stem = drawStem(country);
        if (usedStems.has(stem)) continue;
        usedStems.add(stem);
        const word = random.pick(industry.nameWords);
        const suffix = random.pick(COUNTRIES[country].legalSuffixes);
        // "Holdings, Inc." style suffixes take the comma the way US registrations write them.
        const separator = suffix.startsWith('Inc.') && random.nextBoolean(0.4) ? ', ' : ' ';
        return { name: `${stem} ${word}${separator}${suffix}`, stem };
      }
      throw new RangeError(`ran out of company names for ${country}`);
    },
  };
}

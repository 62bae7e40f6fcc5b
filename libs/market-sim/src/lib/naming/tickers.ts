import { RandomSource } from '../random/random-source';
import { Exchange, TickerStyle } from '../reference-data/exchanges';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const VOWELS = /[AEIOU]/g;
/** Letter tickers are kept to four letters where the venue allows more, as most are. */
const PREFERRED_MAX_LETTERS = 4;
const MAX_DRAWS = 1_000;

export interface TickerAllocator {
  /** A ticker in the exchange's style, unique within the allocator, made from the name where the style uses letters. */
  next(exchange: Exchange, name: string): string;
  /** A short letter code for the issuer (what its bond tickers start with), also unique. */
  shortCode(name: string): string;
  /** Takes a ticker made by a naming rule (an option's, a future's): false when it is already in use. */
  claim(ticker: string): boolean;
}

/** Tickers and issuer codes already in use (in the database a universe grows from). */
export interface TakenTickers {
  tickers?: Iterable<string>;
  shortCodes?: Iterable<string>;
}

/** Upper-case A-Z words of a name, accents dropped ("Lumière Media SA" -> LUMIERE, MEDIA, SA). */
function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .toUpperCase()
    .replace(/[^A-Z ]/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

/** Letter codes a listing desk might choose, in order of preference. */
function letterCandidates(name: string, length: number): string[] {
  const words = nameWords(name);
  const [first, ...rest] = words;
  const initials = words.map((word) => word[0]).join('');
  const consonants = first[0] + first.slice(1).replace(VOWELS, '');
  return [
    first.slice(0, length),
    (initials + first.slice(1)).slice(0, length),
    consonants.slice(0, length),
    (first.slice(0, length - 1) + (rest[0]?.[0] ?? '')).slice(0, length),
  ].filter((candidate) => candidate.length === length);
}

function randomText(random: RandomSource, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[random.nextInt(0, alphabet.length - 1)];
  return text;
}

function letterCodes(
  random: RandomSource,
  name: string,
  minLength: number,
  maxLength: number,
): string[] {
  const lengths: number[] = [];
  for (let length = Math.min(maxLength, PREFERRED_MAX_LETTERS); length >= minLength; length--) {
    lengths.push(length);
  }
  // Venues with long symbols (NSE) list most companies under their first word.
  const firstWordLength = Math.min(maxLength, nameWords(name)[0].length);
  if (firstWordLength > PREFERRED_MAX_LETTERS) lengths.unshift(firstWordLength);
  return [
    ...lengths.flatMap((length) => letterCandidates(name, length)),
    randomText(random, LETTERS, Math.min(maxLength, PREFERRED_MAX_LETTERS)),
  ];
}

function candidates(random: RandomSource, style: TickerStyle, name: string): string[] {
  switch (style.kind) {
    case 'letters':
      return letterCodes(random, name, style.minLength, style.maxLength);
    case 'share-class':
      return letterCodes(random, name, style.maxLength, style.maxLength).map(
        (code) => `${code} ${style.shareClass}`,
      );
    case 'letters-and-type':
      return letterCodes(random, name, style.length, style.length).map(
        (code) => `${code}${style.shareType}`,
      );
    case 'digits': {
      const steps = Math.floor((style.max - style.min) / style.step);
      return [
        String(style.min + style.step * random.nextInt(0, steps)).padStart(style.length, '0'),
      ];
    }
    case 'alphanumeric':
      return [
        randomText(random, LETTERS, 1) +
          randomText(random, DIGITS, 1) +
          randomText(random, DIGITS + LETTERS, style.length - 2),
      ];
  }
}

function claim(used: Set<string>, draw: () => string[]): string {
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const free = draw().find((candidate) => !used.has(candidate));
    if (free) {
      used.add(free);
      return free;
    }
  }
  throw new RangeError(`no free ticker after ${MAX_DRAWS} draws`);
}

export function createTickerAllocator(
  random: RandomSource,
  taken: TakenTickers = {},
): TickerAllocator {
  const usedTickers = new Set<string>(taken.tickers);
  const usedShortCodes = new Set<string>(taken.shortCodes);
  return {
    next: (exchange, name) =>
      claim(usedTickers, () => candidates(random, exchange.tickerStyle, name)),
    shortCode: (name) => claim(usedShortCodes, () => letterCodes(random, name, 3, 4)),
    claim(ticker) {
      if (usedTickers.has(ticker)) return false;
      usedTickers.add(ticker);
      return true;
    },
  };
}

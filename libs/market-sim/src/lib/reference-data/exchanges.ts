import { CountryCode } from './countries';

/**
 * How a venue's tickers look: letters (with a length range), a number, a Nordic share
 * class suffix ("VOLV B"), a Brazilian share-type digit ("PETR3") or Singapore's letter-digit codes.
 */
export type TickerStyle =
  | { kind: 'letters'; minLength: number; maxLength: number }
  /** A number from min to max in steps of `step`, zero-padded to `length` ("0700", "005930"). */
  | { kind: 'digits'; length: number; min: number; max: number; step: number }
  | { kind: 'share-class'; maxLength: number; shareClass: string }
  | { kind: 'letters-and-type'; length: number; shareType: string }
  | { kind: 'alphanumeric'; length: number };

export interface Exchange {
  /** The name stored in securities_master.exchange. */
  code: string;
  name: string;
  /** Home country, or undefined for venues the universe uses across countries (OTC). */
  country: CountryCode | undefined;
  timeZone: string;
  /** Continuous session, local time 'HH:MM'. */
  sessionOpen: string;
  sessionClose: string;
  tickerStyle: TickerStyle;
}

const letters = (minLength: number, maxLength: number): TickerStyle => ({
  kind: 'letters',
  minLength,
  maxLength,
});

function exchange(
  code: string,
  name: string,
  country: CountryCode | undefined,
  timeZone: string,
  session: [string, string],
  tickerStyle: TickerStyle,
): Exchange {
  return {
    code,
    name,
    country,
    timeZone,
    sessionOpen: session[0],
    sessionClose: session[1],
    tickerStyle,
  };
}

export const EXCHANGES = {
  NYSE: exchange(
    'NYSE',
    'New York Stock Exchange',
    'US',
    'America/New_York',
    ['09:30', '16:00'],
    letters(2, 4),
  ),
  NASDAQ: exchange(
    'NASDAQ',
    'Nasdaq Stock Market',
    'US',
    'America/New_York',
    ['09:30', '16:00'],
    letters(4, 4),
  ),
  NYSE_ARCA: exchange(
    'NYSE ARCA',
    'NYSE Arca',
    'US',
    'America/New_York',
    ['09:30', '16:00'],
    letters(3, 4),
  ),
  CBOE: exchange(
    'CBOE',
    'Cboe Options Exchange',
    'US',
    'America/New_York',
    ['09:30', '16:00'],
    letters(1, 5),
  ),
  CME: exchange(
    'CME',
    'Chicago Mercantile Exchange',
    'US',
    'America/Chicago',
    ['08:30', '15:00'],
    letters(2, 4),
  ),
  XETRA: exchange(
    'XETRA',
    'Xetra (Deutsche Boerse)',
    'DE',
    'Europe/Berlin',
    ['09:00', '17:30'],
    letters(3, 3),
  ),
  EUREX: exchange(
    'EUREX',
    'Eurex Deutschland',
    'DE',
    'Europe/Berlin',
    ['08:00', '22:00'],
    letters(4, 4),
  ),
  EURONEXT_PARIS: exchange(
    'EURONEXT PARIS',
    'Euronext Paris',
    'FR',
    'Europe/Paris',
    ['09:00', '17:30'],
    letters(2, 4),
  ),
  LSE: exchange(
    'LSE',
    'London Stock Exchange',
    'GB',
    'Europe/London',
    ['08:00', '16:30'],
    letters(3, 4),
  ),
  TSE: exchange('TSE', 'Tokyo Stock Exchange', 'JP', 'Asia/Tokyo', ['09:00', '15:30'], {
    kind: 'digits',
    length: 4,
    min: 1301,
    max: 9997,
    step: 1,
  }),
  SIX: exchange(
    'SIX',
    'SIX Swiss Exchange',
    'CH',
    'Europe/Zurich',
    ['09:00', '17:30'],
    letters(3, 4),
  ),
  TSX: exchange(
    'TSX',
    'Toronto Stock Exchange',
    'CA',
    'America/Toronto',
    ['09:30', '16:00'],
    letters(2, 4),
  ),
  ASX: exchange(
    'ASX',
    'Australian Securities Exchange',
    'AU',
    'Australia/Sydney',
    ['10:00', '16:00'],
    letters(3, 3),
  ),
  HKEX: exchange('HKEX', 'Hong Kong Exchanges', 'HK', 'Asia/Hong_Kong', ['09:30', '16:00'], {
    kind: 'digits',
    length: 4,
    min: 1,
    max: 9999,
    step: 1,
  }),
  SGX: exchange('SGX', 'Singapore Exchange', 'SG', 'Asia/Singapore', ['09:00', '17:00'], {
    kind: 'alphanumeric',
    length: 3,
  }),
  NASDAQ_STOCKHOLM: exchange(
    'NASDAQ STOCKHOLM',
    'Nasdaq Stockholm',
    'SE',
    'Europe/Stockholm',
    ['09:00', '17:30'],
    { kind: 'share-class', maxLength: 4, shareClass: 'B' },
  ),
  EURONEXT_OSLO: exchange(
    'EURONEXT OSLO',
    'Euronext Oslo Bors',
    'NO',
    'Europe/Oslo',
    ['09:00', '16:20'],
    letters(3, 5),
  ),
  KRX: exchange('KRX', 'Korea Exchange', 'KR', 'Asia/Seoul', ['09:00', '15:30'], {
    kind: 'digits',
    length: 6,
    min: 10,
    max: 399_990,
    step: 10,
  }),
  B3: exchange('B3', 'B3 - Brasil Bolsa Balcao', 'BR', 'America/Sao_Paulo', ['10:00', '17:00'], {
    kind: 'letters-and-type',
    length: 4,
    shareType: '3',
  }),
  NSE: exchange(
    'NSE',
    'National Stock Exchange of India',
    'IN',
    'Asia/Kolkata',
    ['09:15', '15:30'],
    letters(4, 10),
  ),
  OTC: exchange(
    'OTC',
    'Over the counter',
    undefined,
    'America/New_York',
    ['08:00', '17:00'],
    letters(2, 6),
  ),
} as const satisfies Record<string, Exchange>;

export type ExchangeKey = keyof typeof EXCHANGES;

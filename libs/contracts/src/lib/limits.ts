/** Paging limits of the list endpoints (the seed's section 5). */
export const SECURITIES_PAGE = { default: 100, max: 500 } as const;
export const HOLDINGS_PAGE = { default: 100, max: 500 } as const;
export const REFERENCE_PAGE = { default: 100, max: 500 } as const;
export const TOP_MOVERS_PAGE = { default: 20, max: 100 } as const;
export const MAX_OFFSET = 10_000_000;

/** Identifiers as the platform writes them: SEC-0001, PORT-001, ISS-001. */
export const ENTITY_ID_PATTERN = /^[A-Z][A-Z0-9]{1,7}-[0-9]{1,7}$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const SECTOR_PATTERN = /^[A-Za-z][A-Za-z &,.-]{0,49}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Market data: bars and ticks page by cursor; `limit` counts bars (or ticks), never source rows. */
export const BARS_PAGE = { default: 5_000, max: 50_000 } as const;
export const TICKS_PAGE = { default: 5_000, max: 50_000 } as const;
export const MARKET_DAILY_PAGE = { default: 100, max: 500 } as const;
export const MARKET_MOVERS_PAGE = { default: 20, max: 100 } as const;
/** Bars an indicator may run over in one request (indicators do not page). */
export const INDICATOR_MAX_BARS = 50_000;
export const INDICATOR_MAX_WINDOW = 1_000;
/** Longest `from`/`to`/`at`/`cursor` text accepted before it is even parsed. */
export const MARKET_TIME_MAX_LENGTH = 32;
export const CURSOR_MAX_LENGTH = 512;

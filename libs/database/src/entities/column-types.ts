/**
 * The exact SQL types of the schema, named once. Decimals are PostgreSQL `numeric` and surface in
 * TypeScript as strings, so money and prices are never rounded through binary floating point.
 */
export const MONEY = { type: 'numeric', precision: 20, scale: 2 } as const;
export const PRICE = { type: 'numeric', precision: 18, scale: 6 } as const;
export const TICK_PRICE = { type: 'numeric', precision: 12, scale: 4 } as const;
export const QUANTITY = { type: 'numeric', precision: 20, scale: 4 } as const;
export const WEIGHT = { type: 'numeric', precision: 12, scale: 10 } as const;
export const FX_RATE = { type: 'numeric', precision: 18, scale: 8 } as const;
export const RATIO = { type: 'numeric', precision: 12, scale: 6 } as const;
export const PERCENT = { type: 'numeric', precision: 8, scale: 4 } as const;
export const MEASURE = { type: 'numeric', precision: 12, scale: 4 } as const;
export const DATE = { type: 'date' } as const;
export const CURRENCY = { type: 'char', length: 3 } as const;
export const ENTITY_ID = { type: 'varchar', length: 16 } as const;

export * from './lib/limits';
export * from './lib/query-params';
export * from './lib/responses';
export * from './lib/market-data-queries';
export * from './lib/market-data-responses';
export * from './lib/portfolio-analytics-queries';
export * from './lib/portfolio-analytics-responses';

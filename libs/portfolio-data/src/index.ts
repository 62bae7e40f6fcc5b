export type { SqlClient } from './lib/sql-client';
export { periodInputStatements, readPeriodInputs } from './lib/period-inputs';
export type { AttributionWindow, SqlStatement, StoredPeriodPosition } from './lib/period-inputs';
export { attributeBetween } from './lib/attribute-between';
export { readHoldingsRange } from './lib/holdings-range';
export { readPerformanceInputs } from './lib/performance-inputs';

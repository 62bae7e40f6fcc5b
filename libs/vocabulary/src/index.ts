export * from './lib/coded-values';
export * from './lib/base-set-shape';
export type { UniverseGrowth } from './lib/universe-growth';

export * from './lib/coded-values';
export * from './lib/base-set-shape';

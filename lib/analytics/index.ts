export * from './days';
export * from './compute-day-stats';
export * from './rollup-daily-stats';
export * from './admin-rollup';
export * from './build-analytics';
export * from './get-analytics';
export * from './schemas';
export * from './serialize';

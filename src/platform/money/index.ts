export * from './money.ts';
export * from './rate.ts';
export * from './rounding.ts';
export * from './allocate.ts';

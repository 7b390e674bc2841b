export * from './local-date.ts';
export * from './clock.ts';
export * from './business-calendar.ts';
export * from './stale-takeover.ts';

/** Customer messages: the outbox, its delivery rules and templates (see docs/notifications.md). */
export * from './channel.ts';
export * from './message.ts';
export * from './rules.ts';
export * from './templates.ts';

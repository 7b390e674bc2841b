/**
 * The identity context's public surface, as far as other contexts need it: the PII vault (AES-256-GCM
 * sealing and blind indexes; pure, no database), added for the privacy context's per-customer data keys;
 * consent (purposes, data sources, the state in force at an instant) and consent notices (versions, the
 * one in force, the reader port). Storage (`consent-notices.pg.ts`) is wired by the composition root.
 */
export { createPiiVault, type EncryptedPii, type PiiKind, type PiiVault } from './pii-vault.ts';
export * from './consent.ts';
export * from './consent-notices.ts';

/**
 * The identity context's public surface: everything other contexts use, all pure (no database).
 * - Who a person is: ID numbers (GB 11643 check digit, region codes), names, mobile numbers and bank cards
 *   (Luhn check digit, issuer by BIN), each with its checks.
 * - Verification of name, ID, phone and card as one person (the provider port and the sandbox provider the
 *   demo and tests use).
 * - The PII vault (AES-256-GCM sealing and blind indexes), also used by the privacy context's per-customer keys.
 * - Consent (purposes, data sources, the state in force at an instant) and consent notices (versions, the one
 *   in force, the reader port). Storage (`consent-notices.pg.ts`) is wired by the composition root.
 */
export * from './id-number.ts';
export * from './region-codes.ts';
export * from './person-name.ts';
export * from './phone.ts';
export * from './bank-card.ts';
export * from './verification.ts';
export * from './sandbox-verification-provider.ts';
export * from './pii-vault.ts';
export * from './consent.ts';
export * from './consent-notices.ts';

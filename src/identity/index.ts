/**
 * The identity context's public surface, as far as other contexts need it: the PII vault (AES-256-GCM
 * sealing and blind indexes; pure, no database). Added for the privacy context's per-customer data keys.
 */
export { createPiiVault, type EncryptedPii, type PiiKind, type PiiVault } from './pii-vault.ts';

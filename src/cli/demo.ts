import { randomFillSync } from 'node:crypto';
import type { App } from '../app.ts';
import { generateApiKeySecret, type Role } from '../platform/auth/api-keys.ts';

export interface DemoResult {
  /** Lines to print for the newcomer: keys, demo customers and what to try. */
  readonly lines: string[];
}

const DEMO_ROLES: readonly Role[] = ['app', 'reviewer', 'analyst', 'admin'];

/**
 * Seeds the demo: fresh local API keys for each role (older demo keys are revoked, since secrets are
 * stored hashed and cannot be shown again). Later contexts add the scorecard, policy and demo customers.
 */
export async function seedDemo(app: App): Promise<DemoResult> {
  const existing = await app.services.apiKeys.list();
  for (const key of existing)
    if (key.name.startsWith('demo ') && !key.revokedAt) await app.services.apiKeys.revoke(key.id);
  const lines = ['', 'Local API keys (demo; new on every start):'];
  for (const role of DEMO_ROLES) {
    const secret = generateApiKeySecret(role, (n) => randomFillSync(new Uint8Array(n)));
    await app.services.apiKeys.create({ name: `demo ${role}`, role, secret });
    lines.push(`  ${role.padEnd(9)} ${secret}`);
  }
  return { lines };
}

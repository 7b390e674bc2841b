import type { Clock } from '../platform/time/clock.ts';
import type { LendingSettings } from './lending-settings.ts';
import type { CompiledPolicy } from './policy-compiler.ts';
import type { PolicyVersionSummary } from './policy-version.ts';

/**
 * What the policy context keeps in the process between calls: compiled versions (forever: a stored
 * version never changes), and the lending settings and "version in force" lookups for `cacheMs`
 * milliseconds (default 5000; 0 disables). A change through this process clears them at once; other
 * processes see it within `cacheMs`.
 */
export interface PolicyCaches {
  /** A stored version's compiled graph, compiled at most once per process. */
  compiled(id: string, compile: () => Promise<CompiledPolicy>): Promise<CompiledPolicy>;
  /** Keeps a graph compiled by a submission, so its first decision need not compile it again. */
  rememberCompiled(id: string, policy: CompiledPolicy): void;
  settings(read: () => Promise<LendingSettings>): Promise<LendingSettings>;
  inForce(
    key: string,
    read: () => Promise<PolicyVersionSummary | undefined>,
  ): Promise<PolicyVersionSummary | undefined>;
  /** Forgets the settings and versions in force (after a change is decided). */
  clear(): void;
}

export function createPolicyCaches(clock: Clock, cacheMs = 5000): PolicyCaches {
  const compiled = new Map<string, CompiledPolicy>();
  let settings: { at: number; value: LendingSettings } | undefined;
  const inForce = new Map<string, { at: number; value: PolicyVersionSummary | undefined }>();
  const fresh = (at: number) => cacheMs > 0 && clock.now().getTime() - at < cacheMs;
  return {
    async compiled(id, compile) {
      const cached = compiled.get(id);
      if (cached) return cached;
      const policy = await compile();
      compiled.set(id, policy);
      return policy;
    },
    rememberCompiled: (id, policy) => void compiled.set(id, policy),
    async settings(read) {
      if (settings && fresh(settings.at)) return settings.value;
      const value = await read();
      settings = { at: clock.now().getTime(), value };
      return value;
    },
    async inForce(key, read) {
      const cached = inForce.get(key);
      if (cached && fresh(cached.at)) return cached.value;
      const value = await read();
      if (cacheMs > 0) inForce.set(key, { at: clock.now().getTime(), value });
      return value;
    },
    clear() {
      settings = undefined;
      inForce.clear();
    },
  };
}

import type { CustomerSnapshot } from '../customers/index.ts';
import type { ExportFeatures } from './export-ports.ts';

/**
 * The point-in-time snapshot as the copy gives it: the features decisions read (by catalogue name), the
 * profile, the verification, holds and consents in force, and when each decaying feature's counted units
 * stop counting — plain JSON, instants as ISO strings.
 */
export function featuresForCopy(snapshot: CustomerSnapshot): ExportFeatures {
  return {
    asOf: snapshot.asOf.toISOString(),
    asOfDate: snapshot.asOfDate,
    openedAt: snapshot.openedAt.toISOString(),
    age: snapshot.age,
    profile: { ...snapshot.profile },
    verification: {
      level: snapshot.verification.level,
      failures: [...snapshot.verification.failures],
      provider: snapshot.verification.provider,
      verifiedAt: snapshot.verification.verifiedAt ? snapshot.verification.verifiedAt.toISOString() : null,
    },
    features: { ...snapshot.features },
    blocklisted: snapshot.blocklisted,
    holds: snapshot.holds.map((hold) => JSON.parse(JSON.stringify(hold)) as unknown),
    consents: snapshot.consents.map((consent) => JSON.parse(JSON.stringify(consent)) as unknown),
    decay: Object.fromEntries(
      Object.entries(snapshot.decay).map(([name, instants]) => [
        name,
        instants.map((at) => at.toISOString()),
      ]),
    ),
  };
}

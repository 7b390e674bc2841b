import { type CustomerService, eventToWire } from '../../customers/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { DEMO_PERSONAS, type DemoPersona } from './customer-history.ts';

/** What `seedDemoPersonas` did for one persona. */
export interface SeededPersona {
  readonly key: DemoPersona['key'];
  readonly customerId: string;
  readonly level: number;
  readonly events: number;
}

/**
 * Creates the demo's cases through the real use cases (so verification goes through the configured
 * provider and PII is encrypted): customer, cards, verification, consent and the scripted history as of
 * `asOf`. Running it again finds the same customers (creation is idempotent on the external id) and the
 * same event ids, so nothing is duplicated.
 */
export async function seedDemoPersonas(
  customers: Pick<CustomerService, 'createCustomer' | 'addCard' | 'verify' | 'ingestEvents'>,
  asOf: Date,
  personas: readonly DemoPersona[] = DEMO_PERSONAS,
): Promise<SeededPersona[]> {
  const seeded: SeededPersona[] = [];
  for (const persona of personas) {
    const { customer } = await customers.createCustomer({
      externalId: persona.externalId,
      name: persona.name,
      idNumber: persona.idNumber,
      phone: persona.phone,
      profile: persona.profile,
    });
    for (const card of persona.cards) await customers.addCard(customer.customerId, card);
    const verification = await customers.verify(customer.customerId);
    const events = persona.history(customer.customerId, asOf).map((event) => eventToWire(event));
    const report = await customers.ingestEvents(events);
    if (report.rejected.length > 0) {
      throw new AppError(
        'INTERNAL',
        `demo persona ${persona.key}: event ${report.rejected[0]?.index} refused: ${report.rejected[0]?.reason}`,
      );
    }
    seeded.push({
      key: persona.key,
      customerId: customer.customerId,
      level: verification.level,
      events: report.accepted,
    });
  }
  return seeded;
}

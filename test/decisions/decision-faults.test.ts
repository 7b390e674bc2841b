import { beforeAll, describe, expect, it } from 'vitest';
import { createDecisionService, type DecisionService } from '../../src/decisions/decision-service.ts';
import type { DecisionPorts } from '../../src/decisions/decisions-ports.ts';
import { createFacilityWriter } from '../../src/lending/facilities/facility-writer.pg.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';
import { pgBooks } from '../support/books.ts';

/**
 * Faults injected through the ports: a scorer that throws, a snapshot that never answers, a policy lookup
 * that fails, a facility lookup that fails. Each decision is `referred` with SYSTEM_UNAVAILABLE, never a
 * decline, and still recorded with the failed stage. A database that cannot record is a 503 (UNAVAILABLE)
 * and nothing is written.
 */
let t: DecisionTestApp;
let realPorts: DecisionPorts;

beforeAll(async () => {
  t = await decisionTestApp();
  const { services } = t.app;
  realPorts = {
    snapshot: (id, asOf) => services.customers.getSnapshot(id, asOf),
    facility: async (id, product) => {
      const facility = await services.facilities.getFacility(id, product);
      return facility ? { openedAt: facility.openedAt, status: facility.status } : null;
    },
    scorer: (version) => services.models.scorer(version),
    resolvePolicy: (request) => services.policies.resolve(request),
    compiledPolicy: (id) => services.policies.compiled(id),
    policyVersion: (id) => services.policies.get(id),
  };
});

function serviceWith(ports: Partial<DecisionPorts>, db: Database = t.app.db): DecisionService {
  return createDecisionService({
    db,
    clock: t.clock,
    ids: t.app.ids,
    ports: { ...realPorts, ...ports },
    facilities: createFacilityWriter({ ...pgBooks(), clock: t.clock, ids: t.app.ids }),
    dependencyTimeoutMs: 50,
  });
}

const clean = () => t.personas.get('clean_approval') ?? '';

describe('a dependency fails: referred with SYSTEM_UNAVAILABLE, recorded', () => {
  it('the scorer throws', async () => {
    const service = serviceWith({
      scorer: async () => {
        throw new Error('model server crashed');
      },
    });
    const record = await service.decide({ customerId: clean(), productCode: 'cash_loan' });
    expect(record).toMatchObject({ outcome: 'referred', limit: 0n, score: null, modelVersion: null });
    expect(record.reasons.map((r) => r.code)).toEqual(['SYSTEM_UNAVAILABLE']);
    expect(record.fault).toEqual({ stage: 'scoring', code: 'error', message: 'scoring failed' });
    // The facts that could be gathered are kept with it.
    expect(record.facts?.customerId).toBe(clean());
    const stored = await t.app.services.decisions.get(record.id);
    expect(stored.fault?.stage).toBe('scoring');
    const replay = await t.app.services.decisions.replay(record.id);
    expect(replay).toMatchObject({ basis: 'fault', matches: true });
  });

  it('the snapshot times out', async () => {
    const service = serviceWith({ snapshot: () => new Promise(() => undefined) });
    const record = await service.decide({ customerId: clean(), productCode: 'cash_loan' });
    expect(record.outcome).toBe('referred');
    expect(record.fault).toMatchObject({ stage: 'snapshot', code: 'timeout' });
    expect(record.facts).toBeNull();
    expect(record.policyVersionId).not.toBeNull();
  });

  it('the policy lookup fails', async () => {
    const service = serviceWith({
      resolvePolicy: async () => {
        throw new AppError('UNAVAILABLE', 'settings store down');
      },
    });
    const record = await service.decide({ customerId: clean(), productCode: 'cash_loan' });
    expect(record).toMatchObject({ outcome: 'referred', productType: null, policyVersionId: null });
    expect(record.fault).toMatchObject({ stage: 'policy', code: 'UNAVAILABLE' });
    expect((await t.app.services.decisions.get(record.id)).outcome).toBe('referred');
  });

  it('the facility lookup fails', async () => {
    const service = serviceWith({
      facility: async () => {
        throw new Error('lending context unreachable');
      },
    });
    const record = await service.decide({ customerId: clean(), productCode: 'credit_line' });
    expect(record.fault?.stage).toBe('facility');
    expect(record.outcome).toBe('referred');
  });

  it('is never a decline, whatever the customer (every demo case with a broken scorer)', async () => {
    const service = serviceWith({
      scorer: async () => {
        throw new Error('down');
      },
    });
    for (const customerId of t.personas.values()) {
      const record = await service.decide({ customerId, productCode: 'cash_loan' });
      expect(record.outcome).toBe('referred');
    }
  });
});

describe('the caller is wrong: not a fault', () => {
  it('an unknown customer is NOT_FOUND, nothing recorded', async () => {
    const service = serviceWith({});
    await expect(
      service.decide({ customerId: 'cus_01M80000000000000000000000', productCode: 'cash_loan' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an unknown product is NOT_FOUND', async () => {
    await expect(
      serviceWith({}).decide({ customerId: clean(), productCode: 'gold_card' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the database itself is down', () => {
  it('answers UNAVAILABLE (503) and writes nothing', async () => {
    const before = await t.app.services.decisions.list(clean(), { limit: 500 });
    const down: Database = {
      ...t.app.db,
      transaction: async () => {
        throw Object.assign(new Error('connection terminated unexpectedly'), { code: '08006' });
      },
    };
    const service = serviceWith({}, down);
    const failure = await service
      .decide({ customerId: clean(), productCode: 'cash_loan' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('UNAVAILABLE');
    const after = await t.app.services.decisions.list(clean(), { limit: 500 });
    expect(after.length).toBe(before.length);
    // Not even the facility: the approval and its record go together or not at all.
    expect(await t.app.services.facilities.getFacility(clean(), 'cash-loan')).toBeUndefined();
  });

  it('over HTTP: 503 problem+json', async () => {
    // The app's own service against a database whose transactions fail.
    const real = t.app.db.transaction;
    (t.app.db as { transaction: Database['transaction'] }).transaction = async () => {
      throw Object.assign(new Error('the database system is shutting down'), { code: '57P01' });
    };
    try {
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/v1/decisions',
        headers: t.auth('app'),
        payload: { customerId: clean(), product: 'cash_loan' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    } finally {
      (t.app.db as { transaction: Database['transaction'] }).transaction = real;
    }
  });
});

import { describe, expect, it } from 'vitest';
import { consentsAt } from './consent.ts';
import { createSandboxVerificationProvider } from './sandbox-verification-provider.ts';
import { verifySubject, type ProviderAnswer, type VerificationProvider } from './verification.ts';

const sandbox = createSandboxVerificationProvider();
const person = { name: '张三', idNumber: '11010519491231002X', phone: '13812345678' };
const goodCard = { cardId: 'crd_1', cardNumber: '6222020200001234567' };

describe('verification levels through the sandbox provider', () => {
  it('L3 when ID, phone and a card all belong to the same person', async () => {
    expect(await verifySubject(sandbox, { ...person, cards: [goodCard] })).toMatchObject({
      level: 3,
      failures: [],
      provider: 'sandbox',
    });
  });

  it('L2 with CARD_NOT_BOUND when there is no card', async () => {
    expect(await verifySubject(sandbox, { ...person, cards: [] })).toMatchObject({
      level: 2,
      failures: ['CARD_NOT_BOUND'],
    });
  });

  it('L2 with CARD_NAME_MISMATCH for a card ending 0000; a second, good card still reaches L3', async () => {
    const otherName = { cardId: 'crd_2', cardNumber: '6222020200001230000' };
    expect(await verifySubject(sandbox, { ...person, cards: [otherName] })).toMatchObject({
      level: 2,
      failures: ['CARD_NAME_MISMATCH'],
    });
    const both = await verifySubject(sandbox, { ...person, cards: [otherName, goodCard] });
    expect(both.level).toBe(3);
    expect(both.checks.filter((check) => check.element === 'card').map((check) => check.outcome)).toEqual([
      'mismatch',
      'match',
    ]);
  });

  it('L1 with PHONE_NOT_OWNED_BY_ID_HOLDER for a phone starting 170, and the card is not checked', async () => {
    const result = await verifySubject(sandbox, { ...person, phone: '17012345678', cards: [goodCard] });
    expect(result).toMatchObject({ level: 1, failures: ['PHONE_NOT_OWNED_BY_ID_HOLDER'] });
    expect(result.checks).toContainEqual({ element: 'card', outcome: 'skipped' });
  });

  it('L0 with ID_NAME_MISMATCH for the sequence 999', async () => {
    const result = await verifySubject(sandbox, {
      ...person,
      idNumber: '110105199001019998',
      cards: [goodCard],
    });
    expect(result).toMatchObject({ level: 0, failures: ['ID_NAME_MISMATCH'] });
  });

  it('an outage keeps the level the good steps reached and says PROVIDER_UNAVAILABLE', async () => {
    expect(
      await verifySubject(sandbox, { ...person, phone: '17412345678', cards: [goodCard] }),
    ).toMatchObject({
      level: 1,
      failures: ['PROVIDER_UNAVAILABLE'],
    });
    const down: VerificationProvider = {
      name: 'down',
      matchIdToName: async (): Promise<ProviderAnswer> => ({ outcome: 'unavailable' }),
      matchPhoneToIdHolder: async (): Promise<ProviderAnswer> => ({ outcome: 'match' }),
      matchCardToIdHolder: async (): Promise<ProviderAnswer> => ({ outcome: 'match' }),
    };
    expect(await verifySubject(down, { ...person, cards: [goodCard] })).toMatchObject({
      level: 0,
      failures: ['PROVIDER_UNAVAILABLE'],
      provider: 'down',
    });
  });
});

describe('consent in force at an instant', () => {
  it('takes the last change at or before the instant; withdrawals take effect at their instant', () => {
    const granted = new Date('2026-01-01T00:00:00Z');
    const withdrawn = new Date('2026-06-01T00:00:00Z');
    const changes = [
      { dataSource: 'credit_bureau' as const, granted: true, at: granted },
      { dataSource: 'credit_bureau' as const, granted: false, at: withdrawn },
    ];
    const bureau = (at: string) =>
      consentsAt(changes, new Date(at)).find((c) => c.dataSource === 'credit_bureau');
    expect(bureau('2025-12-31T23:59:59Z')).toEqual({
      dataSource: 'credit_bureau',
      granted: false,
      since: null,
      eventRef: null,
      noticeVersion: null,
    });
    expect(bureau('2026-03-01T00:00:00Z')).toEqual({
      dataSource: 'credit_bureau',
      granted: true,
      since: granted,
      eventRef: null,
      noticeVersion: null,
    });
    expect(bureau('2026-06-01T00:00:00Z')).toEqual({
      dataSource: 'credit_bureau',
      granted: false,
      since: withdrawn,
      eventRef: null,
      noticeVersion: null,
    });
    expect(consentsAt(changes, new Date('2026-03-01T00:00:00Z')).map((c) => c.dataSource)).toEqual([
      'credit_bureau',
      'bank_transactions',
      'social_insurance',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { isOpen, type Actor, type Appeal, type AppealStatus } from './appeal.ts';
import { EDGES, samePerson, transition, withOverride, type AppealCommand } from './appeal-status.ts';
import type { RecheckDiff } from './recheck-comparison.ts';

const at = new Date('2026-11-23T02:00:00Z');
const reviewers: Actor[] = ['key_A', 'key_B', 'key_C'].map((id) => ({ kind: 'reviewer', id, name: id }));
const customer: Actor = { kind: 'customer', id: 'cus_1', name: 'customer', via: 'key_APP' };
const queue = { slaDueDate: parseLocalDate('2026-11-26'), slaDueAt: new Date('2026-11-26T16:00:00Z') };
const diff = (verdict: RecheckDiff['verdict']): RecheckDiff => ({
  verdict,
  recheckFault: false,
  outputs: [],
  inputs: [],
  features: [],
  reasons: { added: [], removed: [], kept: [] },
  versions: { model: null, policy: null },
});

function filed(): Appeal {
  return {
    id: 'apl_1',
    customerId: 'cus_1',
    decisionId: 'dec_1',
    productCode: 'cash_loan',
    category: 'data_error',
    statement: 'wrong',
    evidenceIds: [],
    status: 'filed',
    resolution: null,
    version: 1,
    amountAtStake: fen(0n),
    filedAt: at,
    filedBy: customer,
    recheckDecisionId: null,
    recheckDiff: null,
    recheckAttempts: 0,
    nextRecheckAt: null,
    leaseUntil: null,
    queuedAt: null,
    slaDueDate: null,
    slaDueAt: null,
    assignee: null,
    assignedAt: null,
    proposal: null,
    overrideDecisionId: null,
    upholdReasons: null,
    upholdMessage: null,
    resolvedAt: null,
    resolvedBy: null,
    withdrawnAt: null,
  };
}

const terms = (yuan: bigint) => ({ limit: fen(yuan * 100n), apr: parseRate('0.146') });

/**
 * Every command the machine knows, with arbitrary actors and parameters — weighted so that random runs
 * often reach a person's decision and a second reviewer (withdrawals would otherwise end most runs early).
 */
const anyCommand: fc.Arbitrary<AppealCommand> = (() => {
  const reviewer = fc.constantFrom(...reviewers);
  const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
  return fc.oneof(
    w(
      3,
      fc.record({
        type: fc.constant('recheck' as const),
        recheckDecisionId: fc.constant('dec_R'),
        diff: fc
          .constantFrom('better', 'same', 'worse', 'mixed')
          .map((v) => diff(v as RecheckDiff['verdict'])),
        resolves: fc.boolean(),
        queue: fc.constant(queue),
      }),
    ),
    w(
      1,
      fc.record({
        type: fc.constant('recheck_fault' as const),
        recheckDecisionId: fc.constant('dec_F'),
        nextRecheckAt: fc.constant(new Date(at.getTime() + 300_000)),
        giveUp: fc.boolean(),
        queue: fc.constant(queue),
      }),
    ),
    w(4, fc.record({ type: fc.constant('claim' as const), reviewer })),
    w(1, fc.record({ type: fc.constant('assign' as const), reviewer, by: reviewer, reassign: fc.boolean() })),
    w(1, fc.record({ type: fc.constant('release' as const), by: reviewer, force: fc.boolean() })),
    w(
      1,
      fc.record({
        type: fc.constant('comment' as const),
        by: reviewer,
        note: fc.constantFrom('checked', ' '),
      }),
    ),
    w(
      2,
      fc.record({
        type: fc.constant('uphold' as const),
        by: reviewer,
        reasons: fc.constant([
          { code: 'EVIDENCE_INSUFFICIENT', params: {}, text: { zh: '不足', en: 'not enough' } },
        ]),
        message: fc.constant(null),
        note: fc.constant(''),
      }),
    ),
    w(
      3,
      fc.record({
        type: fc.constant('overturn' as const),
        by: reviewer,
        reviewId: fc.constant('rvw_1'),
        terms: fc.bigInt({ min: 500n, max: 200_000n }).map(terms),
        note: fc.constant('paid'),
        needsSecondReviewer: fc.boolean(),
      }),
    ),
    w(3, fc.record({ type: fc.constant('approve' as const), by: reviewer })),
    w(1, fc.record({ type: fc.constant('reject' as const), by: reviewer, note: fc.constantFrom('why', '') })),
    w(1, fc.record({ type: fc.constant('withdraw' as const), by: fc.constant(customer) })),
  );
})();

/** Command sequences; half start with a re-check that queues the case, so people get to act. */
const anyRun = fc
  .tuple(fc.boolean(), fc.array(anyCommand, { maxLength: 40 }))
  .map(([queued, commands]): AppealCommand[] =>
    queued
      ? [
          { type: 'recheck', recheckDecisionId: 'dec_R', diff: diff('same'), resolves: false, queue },
          ...commands,
        ]
      : commands,
  );

interface Run {
  readonly statuses: AppealStatus[];
  readonly appeal: Appeal;
  readonly refusals: string[];
  readonly approvals: Array<{ maker: string; checker: string }>;
  readonly decidedBy: Array<{ by: string; assignee: string | null }>;
  readonly eventStatuses: Array<[AppealStatus | null, AppealStatus]>;
}

function run(commands: readonly AppealCommand[]): Run {
  let appeal = filed();
  const statuses: AppealStatus[] = ['filed'];
  const refusals: string[] = [];
  const approvals: Run['approvals'] = [];
  const decidedBy: Run['decidedBy'] = [];
  const eventStatuses: Run['eventStatuses'] = [];
  for (const command of commands) {
    try {
      let result = transition(appeal, command, at);
      if (result.override) {
        if (command.type === 'approve')
          approvals.push({ maker: result.override.maker.id, checker: result.override.checker?.id ?? '' });
        result = withOverride(result, 'dec_O');
      }
      if (command.type === 'uphold' || command.type === 'overturn')
        decidedBy.push({ by: command.by.id, assignee: appeal.assignee?.id ?? null });
      for (const event of result.events) eventStatuses.push([event.statusBefore, event.statusAfter]);
      if (result.appeal.status !== appeal.status) statuses.push(result.appeal.status);
      appeal = result.appeal;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusals.push(error.issues[0]?.rule ?? error.code);
    }
  }
  return { statuses, appeal, refusals, approvals, decidedBy, eventStatuses };
}

describe('appeal status machine', () => {
  it('only ever moves along its edges: every event goes from the status before it to a listed neighbour, none skipped', () => {
    fc.assert(
      fc.property(anyRun, (commands) => {
        const result = run(commands);
        let current: AppealStatus = 'filed';
        for (const [before, after] of result.eventStatuses) {
          expect(before).toBe(current);
          expect(before === after || EDGES[current].includes(after)).toBe(true);
          current = after;
        }
        expect(current).toBe(result.appeal.status);
        for (let i = 1; i < result.statuses.length; i += 1) {
          const from = result.statuses[i - 1] as AppealStatus;
          expect(EDGES[from]).toContain(result.statuses[i]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets the maker of an override approve it, and only the holder decides', () => {
    fc.assert(
      fc.property(anyRun, (commands) => {
        const result = run(commands);
        for (const approval of result.approvals) expect(approval.checker).not.toBe(approval.maker);
        for (const decided of result.decidedBy) expect(decided.by).toBe(decided.assignee);
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves by a person only through in_review, and changes nothing after a final status', () => {
    fc.assert(
      fc.property(anyRun, (commands) => {
        const result = run(commands);
        const { appeal, statuses } = result;
        if (appeal.resolution === 'overturned' || appeal.resolution === 'upheld')
          expect(statuses).toContain('in_review');
        if (appeal.resolution === 'overturned') expect(appeal.overrideDecisionId).toBe('dec_O');
        if (appeal.resolution === 'overturned_by_recheck') expect(statuses).toEqual(['filed', 'resolved']);
        const final = statuses.findIndex((status) => !isOpen(status));
        if (final >= 0) expect(final).toBe(statuses.length - 1);
        expect(appeal.version).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('queues an unchanged re-check with the SLA, resolves a better one, defers a fault', () => {
    const queued = transition(
      filed(),
      { type: 'recheck', recheckDecisionId: 'dec_R', diff: diff('same'), resolves: false, queue },
      at,
    );
    expect(queued.appeal).toMatchObject({
      status: 'queued',
      slaDueDate: '2026-11-26',
      recheckDecisionId: 'dec_R',
      version: 2,
    });
    expect(queued.events.map((e) => e.action)).toEqual(['rechecked', 'queued']);
    expect(queued.notify).toEqual(['queued']);
    const resolved = transition(
      filed(),
      { type: 'recheck', recheckDecisionId: 'dec_R', diff: diff('better'), resolves: true, queue },
      at,
    );
    expect(resolved.appeal).toMatchObject({
      status: 'resolved',
      resolution: 'overturned_by_recheck',
      resolvedBy: { kind: 'system' },
    });
    const deferred = transition(
      filed(),
      {
        type: 'recheck_fault',
        recheckDecisionId: 'dec_F',
        nextRecheckAt: new Date(at.getTime() + 300_000),
        giveUp: false,
        queue,
      },
      at,
    );
    expect(deferred.appeal).toMatchObject({
      status: 'filed',
      recheckAttempts: 1,
      nextRecheckAt: new Date(at.getTime() + 300_000),
    });
    expect(deferred.notify).toEqual([]);
  });

  it('sends an overturn above the threshold to a second reviewer, who approves it or sends it back', () => {
    const [ana, bo] = reviewers as [Actor, Actor];
    let appeal = transition(
      filed(),
      { type: 'recheck', recheckDecisionId: 'dec_R', diff: diff('same'), resolves: false, queue },
      at,
    ).appeal;
    appeal = transition(appeal, { type: 'claim', reviewer: ana }, at).appeal;
    expect(() => transition(appeal, { type: 'claim', reviewer: bo }, at)).toThrow(/one reviewer at a time/);
    const proposed = transition(
      appeal,
      {
        type: 'overturn',
        by: ana,
        reviewId: 'rvw_1',
        terms: terms(60_000n),
        note: 'paid',
        needsSecondReviewer: true,
      },
      at,
    );
    expect(proposed.appeal.status).toBe('pending_approval');
    expect(proposed.override).toBeNull();
    expect(() => transition(proposed.appeal, { type: 'approve', by: ana }, at)).toThrow(
      /second reviewer must/,
    );
    expect(() =>
      transition(
        proposed.appeal,
        {
          type: 'overturn',
          by: ana,
          reviewId: 'rvw_2',
          terms: terms(1n),
          note: 'x',
          needsSecondReviewer: false,
        },
        at,
      ),
    ).toThrow(/already decided/);
    const sentBack = transition(
      proposed.appeal,
      { type: 'reject', by: bo, note: 'ask for the bank letter' },
      at,
    );
    expect(sentBack.appeal).toMatchObject({ status: 'in_review', proposal: null, assignee: { id: 'key_A' } });
    const approved = transition(proposed.appeal, { type: 'approve', by: bo }, at);
    expect(approved.appeal).toMatchObject({
      status: 'resolved',
      resolution: 'overturned',
      resolvedBy: { id: 'key_B' },
    });
    expect(approved.override).toMatchObject({
      reviewId: 'rvw_1',
      maker: { id: 'key_A' },
      checker: { id: 'key_B' },
    });
    const recorded = withOverride(approved, 'dec_O');
    expect(recorded.appeal.overrideDecisionId).toBe('dec_O');
    expect(recorded.events.at(-1)?.after).toMatchObject({
      overrideDecisionId: 'dec_O',
      terms: { limit: '6000000', apr: '0.146' },
    });
    expect(() => transition(recorded.appeal, { type: 'withdraw', by: customer }, at)).toThrow(
      /already resolved/,
    );
  });

  it('refuses the maker as checker under a second key of the same name, whatever its case, width or spacing', () => {
    const ana: Actor = { kind: 'reviewer', id: 'key_A', name: 'Ana Li' };
    let appeal = transition(
      filed(),
      { type: 'recheck', recheckDecisionId: 'dec_R', diff: diff('same'), resolves: false, queue },
      at,
    ).appeal;
    appeal = transition(appeal, { type: 'claim', reviewer: ana }, at).appeal;
    const proposed = transition(
      appeal,
      {
        type: 'overturn',
        by: ana,
        reviewId: 'rvw_1',
        terms: terms(60_000n),
        note: 'paid',
        needsSecondReviewer: true,
      },
      at,
    ).appeal;
    for (const name of ['Ana Li', 'ana li', ' ANA  LI ', 'Ａｎａ Ｌｉ']) {
      const twin: Actor = { kind: 'reviewer', id: 'key_A2', name };
      for (const command of [
        { type: 'approve', by: twin },
        { type: 'reject', by: twin, note: 'no' },
      ] as const) {
        const refused = (() => {
          try {
            transition(proposed, command, at);
            return undefined;
          } catch (error) {
            return error;
          }
        })();
        expect(refused).toBeInstanceOf(AppError);
        expect((refused as AppError).issues[0]).toMatchObject({ field: 'reviewer', rule: 'maker-checker' });
      }
    }
    const bo: Actor = { kind: 'reviewer', id: 'key_B', name: 'Bo Wang' };
    expect(transition(proposed, { type: 'approve', by: bo }, at).appeal.status).toBe('resolved');
    expect(samePerson(ana, { kind: 'reviewer', id: 'key_A', name: 'renamed' })).toBe(true);
    expect(samePerson(ana, { kind: 'reviewer', id: 'key_X', name: 'Ana Lin' })).toBe(false);
  });
});

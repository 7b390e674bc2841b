import type { Money } from '../../platform/money/money.ts';
import type {
  PaymentFailureReason,
  PaymentOutcome,
  PaymentProvider,
  PaymentRequest,
  PaymentStatus,
} from './payment-provider.ts';

/**
 * What the sandbox does with a payment:
 * - `succeed`: the money moves;
 * - `insufficient_funds`, `card_invalid`, `declined`: refused with that reason, nothing moves;
 * - `timeout`: the money moves but the answer is lost (status later says `succeeded`);
 * - `timeout_failed`: refused for insufficient funds and the answer is lost (status says `failed`);
 * - `lost`: the request never reaches the provider (status says `not_found`; sending it again is safe).
 */
export const SANDBOX_BEHAVIOURS = [
  'succeed',
  'insufficient_funds',
  'card_invalid',
  'declined',
  'timeout',
  'timeout_failed',
  'lost',
] as const;
export type SandboxBehaviour = (typeof SANDBOX_BEHAVIOURS)[number];

/**
 * The documented test cards, by their last four digits (the ISO 8583 response codes they are named after):
 * `…0051` insufficient funds (51), `…0014` invalid card (14), `…0068` times out (68, answer too late; the
 * money moves), `…0005` declined (05). Every other card succeeds.
 */
export const SANDBOX_TEST_CARDS: Readonly<Record<string, SandboxBehaviour>> = {
  '0051': 'insufficient_funds',
  '0014': 'card_invalid',
  '0068': 'timeout',
  '0005': 'declined',
};

/** One payment the sandbox moved money for (at most one per payment id). */
export interface SandboxMovement {
  readonly paymentId: string;
  readonly customerId: string;
  readonly direction: 'collect' | 'payout';
  readonly amount: Money;
}

export interface SandboxPaymentProvider extends PaymentProvider {
  /**
   * Scripts the next payments of a customer or a card (`cus_…`/`crd_…`): each new payment id takes the next
   * behaviour of the list; when the list is used up the test-card rule applies again.
   */
  script(customerOrCardId: string, behaviours: readonly SandboxBehaviour[]): void;
  /** Every payment that moved money, in order (one per payment id, whatever the number of calls). */
  movements(): readonly SandboxMovement[];
  /** Calls received (collect and payout, repeats included), for tests that count them. */
  calls(): number;
}

interface Recorded {
  readonly status: PaymentStatus & { status: 'succeeded' | 'failed' };
}

/** One payment the sandbox answered, as its book keeps it (a journal line when the book is kept on disk). */
export interface SandboxBookEntry {
  readonly paymentId: string;
  readonly customerId: string;
  readonly direction: SandboxMovement['direction'];
  readonly amount: Money;
  readonly status: Recorded['status'];
}

/**
 * Where the sandbox keeps its book. By default in memory (a new process starts empty: a payment sent before
 * a crash is `not_found` afterwards and is sent again under the same id). A durable book
 * (`sandbox-payment-book.node.ts`) survives our restarts as a real provider's does: a payment made before a
 * kill -9 is found by its id, and is never made twice.
 */
export interface SandboxBook {
  /** Every entry recorded so far, oldest first. */
  load(): readonly SandboxBookEntry[];
  /** Records an entry durably before the answer is returned. */
  append(entry: SandboxBookEntry): void;
}

function failureOf(behaviour: SandboxBehaviour): PaymentFailureReason | undefined {
  if (behaviour === 'insufficient_funds' || behaviour === 'timeout_failed') return 'insufficient_funds';
  if (behaviour === 'card_invalid') return 'card_invalid';
  if (behaviour === 'declined') return 'declined';
  return undefined;
}

/**
 * The deterministic sandbox provider: behaviour by test card or script, idempotent by our payment id (a
 * repeated id answers the first outcome and moves nothing again). It keeps its book in memory, as a real
 * provider keeps its own: a new process starts with an empty book, so a payment sent before a crash is
 * `not_found` afterwards and is sent again under the same id — which the sandbox then treats as new, like a
 * provider that never received it.
 */
export function createSandboxPaymentProvider(durable?: SandboxBook): SandboxPaymentProvider {
  const book = new Map<string, Recorded>();
  const scripts = new Map<string, SandboxBehaviour[]>();
  const moved: SandboxMovement[] = [];
  let callCount = 0;
  let refs = 0;
  for (const entry of durable?.load() ?? []) {
    book.set(entry.paymentId, { status: entry.status });
    refs += 1;
    if (entry.status.status === 'succeeded')
      moved.push({
        paymentId: entry.paymentId,
        customerId: entry.customerId,
        direction: entry.direction,
        amount: entry.amount,
      });
  }
  // Several processes may share one durable book (two `credence worker`s): a payment this process has not
  // seen may have been answered by another, so a miss reads the book again before answering "not found".
  const lookUp = (paymentId: string): Recorded | undefined => {
    const known = book.get(paymentId);
    if (known || !durable) return known;
    for (const entry of durable.load()) {
      if (book.has(entry.paymentId)) continue;
      book.set(entry.paymentId, { status: entry.status });
      if (entry.status.status === 'succeeded')
        moved.push({
          paymentId: entry.paymentId,
          customerId: entry.customerId,
          direction: entry.direction,
          amount: entry.amount,
        });
    }
    return book.get(paymentId);
  };
  const record = (
    request: PaymentRequest,
    direction: SandboxMovement['direction'],
    status: Recorded['status'],
  ) => {
    durable?.append({
      paymentId: request.paymentId,
      customerId: request.customerId,
      direction,
      amount: request.amount,
      status,
    });
    book.set(request.paymentId, { status });
  };

  function behaviourOf(request: PaymentRequest): SandboxBehaviour {
    for (const key of [request.cardId, request.customerId]) {
      const queue = scripts.get(key);
      const next = queue?.shift();
      if (next) return next;
    }
    return SANDBOX_TEST_CARDS[request.cardLast4] ?? 'succeed';
  }

  function pay(direction: SandboxMovement['direction'], request: PaymentRequest): PaymentOutcome {
    callCount += 1;
    const known = lookUp(request.paymentId);
    if (known) {
      return known.status.status === 'succeeded'
        ? { outcome: 'succeeded', providerRef: known.status.providerRef }
        : { outcome: 'failed', reason: known.status.reason, providerRef: known.status.providerRef };
    }
    const behaviour = behaviourOf(request);
    if (behaviour === 'lost') return { outcome: 'timeout' };
    refs += 1;
    const providerRef = `sbx_${String(refs).padStart(8, '0')}`;
    const reason = failureOf(behaviour);
    if (reason) {
      record(request, direction, { status: 'failed', reason, providerRef });
      return behaviour === 'timeout_failed'
        ? { outcome: 'timeout' }
        : { outcome: 'failed', reason, providerRef };
    }
    record(request, direction, { status: 'succeeded', providerRef });
    moved.push({
      paymentId: request.paymentId,
      customerId: request.customerId,
      direction,
      amount: request.amount,
    });
    return behaviour === 'timeout' ? { outcome: 'timeout' } : { outcome: 'succeeded', providerRef };
  }

  return {
    collect: async (request) => pay('collect', request),
    payOut: async (request) => pay('payout', request),
    status: async (paymentId) => lookUp(paymentId)?.status ?? { status: 'not_found' },
    script(customerOrCardId, behaviours) {
      scripts.set(customerOrCardId, [...(scripts.get(customerOrCardId) ?? []), ...behaviours]);
    },
    movements: () => [...moved],
    calls: () => callCount,
  };
}

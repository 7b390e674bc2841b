import { useCallback, useRef, useState } from 'react';

/**
 * An Idempotency-Key for one user intent ("repay ¥300 on this bill"): made once when the intent starts and
 * kept through double taps and retries after a lost connection, so the server carries it out once. A new
 * intent (another amount, or after success) gets a new key.
 */
export function newIntentKey(): string {
  return `web-${crypto.randomUUID()}`;
}

export function useIntent() {
  const key = useRef<string>(newIntentKey());
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  /** Runs the action with this intent's key; a second tap while one is in flight is ignored. */
  const run = useCallback(
    async <T>(action: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      try {
        const result = await action(key.current);
        key.current = newIntentKey();
        return result;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [],
  );

  /** The intent changed (another amount, another choice): the next action is a new one. */
  const renew = useCallback(() => {
    if (!inFlight.current) key.current = newIntentKey();
  }, []);

  return { run, renew, busy, key: () => key.current };
}

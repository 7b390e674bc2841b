import { useState } from 'react';

/**
 * What a dialog shows, kept through its closing animation: `value` while it is set, then the last value until
 * `release()` (the dialog's `afterClose`). A dialog whose title is derived from a value that is cleared on close
 * would fade out with no title, so without an accessible name (axe aria-dialog-name); its body would go blank.
 */
export function useHeld<T>(value: T | undefined): {
  readonly held: T | undefined;
  readonly release: () => void;
} {
  const [last, setLast] = useState<T | undefined>(value);
  // Derived state stored during render (React's documented pattern): no effect, no extra blank frame.
  if (value !== undefined && value !== last) setLast(value);
  return { held: value ?? last, release: () => setLast(undefined) };
}

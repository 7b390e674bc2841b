import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api/problem.ts';

/** Loads data for a screen; keeps the error (never a blank screen) and offers a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiProblem | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await run());
      setError(undefined);
    } catch (caught) {
      setError(asProblem(caught));
    } finally {
      setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}

export function asProblem(caught: unknown): ApiProblem {
  return caught instanceof ApiProblem
    ? caught
    : new ApiProblem(0, caught instanceof Error ? caught.message : String(caught), undefined);
}

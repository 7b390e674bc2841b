import type { ApiProblem } from '../api/problem.ts';
import { useLocale } from '../i18n/index.ts';

/**
 * An error in the page, in plain words: a lost connection says so (and that retrying never repeats the
 * action); a refusal shows the server's own words (a bilingual `text` when it sends one, else its detail).
 */
export function ErrorNotice({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  const { t, locale } = useLocale();
  const bilingual = problem.text;
  const message = problem.network
    ? t('common.networkLost')
    : bilingual
      ? bilingual[locale]
      : t('common.failed', { detail: problem.detail });
  return (
    <div role="alert" className="notice notice-error">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="btn btn-outline btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function SuccessNotice({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="notice notice-success">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useLocale();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

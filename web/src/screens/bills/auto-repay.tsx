import { Button } from 'antd-mobile';
import { useState } from 'react';
import { me, type AutoRepay } from '../../api/me.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/error-notice.tsx';
import { asProblem, useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

type Attempt = AutoRepay['attempts'][number];

/**
 * Auto-repay of one cash loan: on or off and from which card (its last four digits); before turning it on,
 * the notice in force as stored (the words the consent names by version and hash); turning it off; every
 * attempt with its status and, when refused, the reason in words.
 */
export function AutoRepayPanel({ loanId, active }: { loanId: string; active: boolean }) {
  const { t, format, locale } = useLocale();
  const state = useLoad(() => me.autoRepay(loanId), [loanId]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const data = state.data;

  const set = async (enabled: boolean) => {
    if (!data) return;
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      const answer = await me.setAutoRepay(loanId, {
        enabled,
        ...(enabled && data.noticeInForce ? { noticeVersion: data.noticeInForce.version } : {}),
      });
      setDone(enabled ? t('autoRepay.turnedOn', { card: answer.cardLast4 ?? '' }) : t('autoRepay.turnedOff'));
      await state.reload();
    } catch (error) {
      setFailure(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const attemptLine = (attempt: Attempt) =>
    t('autoRepay.attempt', {
      date: format.date(attempt.businessDate),
      amount: format.yuan(attempt.amount),
      card: attempt.cardLast4,
      status: t(`autoRepay.status.${attempt.status}`),
    });

  return (
    <section
      className="auto-repay"
      data-testid={`auto-repay-${loanId}`}
      aria-labelledby={`auto-repay-${loanId}-title`}
    >
      <h4 className="section-title" id={`auto-repay-${loanId}-title`}>
        {t('autoRepay.title')}
      </h4>
      {state.error ? <ErrorNotice problem={state.error} onRetry={() => void state.reload()} /> : null}
      {state.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p data-testid="auto-repay-state">
            <strong>
              {data.enabled ? t('autoRepay.on', { card: data.cardLast4 ?? '' }) : t('autoRepay.off')}
            </strong>
          </p>
          {failure ? <ErrorNotice problem={failure} /> : null}
          {done ? <SuccessNotice>{done}</SuccessNotice> : null}
          {!data.enabled && active && data.noticeInForce ? (
            <>
              <p className="muted">{t('autoRepay.readFirst')}</p>
              <blockquote className="auto-repay-notice" data-testid="auto-repay-notice" lang={locale}>
                {locale === 'en' ? data.noticeInForce.text.en : data.noticeInForce.text.zh}
                <div className="muted">{t('autoRepay.version', { version: data.noticeInForce.version })}</div>
              </blockquote>
              <div className="auto-repay-action">
                <Button color="primary" size="small" loading={busy} onClick={() => void set(true)}>
                  {t('autoRepay.turnOn')}
                </Button>
              </div>
            </>
          ) : null}
          {data.enabled ? (
            <>
              <p className="muted">{t('autoRepay.whenOn')}</p>
              <div className="auto-repay-action">
                <Button size="small" fill="outline" loading={busy} onClick={() => void set(false)}>
                  {t('autoRepay.turnOff')}
                </Button>
              </div>
            </>
          ) : null}
          <h5 className="section-title">{t('autoRepay.attempts')}</h5>
          {data.attempts.length === 0 ? <p className="muted">{t('autoRepay.noAttempts')}</p> : null}
          <ul className="list" data-testid="auto-repay-attempts">
            {[...data.attempts].reverse().map((attempt) => (
              <li key={attempt.paymentId}>
                {attemptLine(attempt)}
                {attempt.status === 'failed' && attempt.reason
                  ? ` · ${locale === 'en' ? attempt.reason.en : attempt.reason.zh}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

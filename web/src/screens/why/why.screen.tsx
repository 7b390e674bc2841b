import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isProduct, me, type MeDecision, type Product } from '../../api/me.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { ErrorNotice, Loading } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { asProblem, useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

/** Today as a Shanghai business date (the server's dates are too). */
function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Why / 为什么借不了: the latest decision for a product (or one decision by id) — its outcome, up to four
 * reasons in plain words, the plan as dated steps with progress, when to apply again, what happens next
 * for a referral, and the way to appeal.
 */
export default function WhyScreen() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const params = useParams<{ product?: Product; decisionId?: string }>();
  const decision = useLoad(async () => {
    if (params.decisionId) return me.decision(params.decisionId);
    const list = await me.decisions(params.product);
    const latest = list.decisions[0];
    return latest ? me.decision(latest.decisionId) : null;
  }, [params.product, params.decisionId]);
  const [applying, setApplying] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);

  const apply = async (product: Product) => {
    setApplying(true);
    setFailure(undefined);
    try {
      const made = await me.apply(product);
      decision.setData(made);
      void navigate(`/decisions/${made.decisionId}`, { replace: true });
    } catch (error) {
      setFailure(asProblem(error));
    } finally {
      setApplying(false);
    }
  };

  // Applying again is for the decision's product, when it is one the app knows (its code is a plain string).
  const product = decision.data && isProduct(decision.data.product) ? decision.data.product : undefined;
  const title =
    decision.data && decision.data.outcome === 'approved' ? t('why.titleApproved') : t('why.title');
  return (
    <Page title={title} back>
      {decision.error ? (
        <ErrorNotice problem={decision.error} onRetry={() => void decision.reload()} />
      ) : null}
      {failure ? <ErrorNotice problem={failure} /> : null}
      {decision.loading && !decision.data ? <Loading /> : null}
      {decision.data === null ? (
        <Section>
          <p>{t('why.none')}</p>
          <Button
            color="primary"
            loading={applying}
            onClick={() => void apply(params.product ?? 'cash_loan')}
          >
            {t('why.apply')}
          </Button>
        </Section>
      ) : null}
      {decision.data ? (
        <DecisionView
          decision={decision.data}
          applying={applying}
          onApply={product ? () => void apply(product) : undefined}
        />
      ) : null}
    </Page>
  );
}

function DecisionView({
  decision,
  applying,
  onApply,
}: {
  decision: MeDecision;
  applying: boolean;
  /** Apply again for the decision's product; absent when the app does not know that product. */
  onApply: (() => void) | undefined;
}) {
  const { t, text, format } = useLocale();
  const navigate = useNavigate();
  const today = todayInShanghai();
  const reapplyOn = decision.plan?.reapplyOn ?? null;
  const canReapplyNow =
    decision.outcome !== 'approved' &&
    (decision.referral
      ? decision.referral.action === 'reapply' && Date.parse(decision.referral.byWhen) <= Date.now()
      : reapplyOn === null || reapplyOn <= today);
  return (
    <>
      <Section>
        <p className="muted">{t('why.decidedOn', { date: format.date(decision.decisionDate) })}</p>
        <p>
          <span className={`status status-${decision.outcome}`}>{t(`why.outcome.${decision.outcome}`)}</span>
        </p>
        <p className="headline" data-testid="decision-headline">
          {text(decision.headline)}
        </p>
        {decision.outcome === 'approved' && decision.apr ? (
          <div className="figure">
            <div>
              <div className="label">{t('home.apr')}</div>
              <div className="apr">{format.rate(decision.apr)}</div>
              {decision.dailyRate ? (
                <div className="small">{t('home.daily', { rate: format.rate(decision.dailyRate, 3) })}</div>
              ) : null}
            </div>
          </div>
        ) : null}
        {decision.overturned ? (
          <p className="muted">
            {t('why.overturned', {
              date: format.date(decision.overturned.on),
              original: t(`why.outcome.${decision.overturned.originalOutcome}`),
            })}
          </p>
        ) : null}
      </Section>

      {decision.reasons.length > 0 ? (
        <Section title={t('why.reasons')} id="reasons-title">
          <ol className="reasons" data-testid="reasons">
            {decision.reasons.map((reason) => (
              <li key={reason.code}>{text(reason.text)}</li>
            ))}
          </ol>
        </Section>
      ) : null}

      {decision.referral ? (
        <Section title={t('why.referral')} id="referral-title">
          <p data-testid="referral">{text(decision.referral.whatNext)}</p>
          <p>
            <strong>
              {decision.referral.kind === 'fault'
                ? t('why.retryAfter', { time: format.dateTime(decision.referral.byWhen) })
                : t('why.byWhen', { date: format.date(decision.referral.byWhenDate) })}
            </strong>
          </p>
        </Section>
      ) : null}

      {decision.plan && decision.plan.steps.length > 0 ? (
        <Section title={t('why.plan')} id="plan-title">
          <ol className="steps" data-testid="plan">
            {decision.plan.steps.map((step) => (
              <li key={step.code} className={step.done ? 'done' : undefined}>
                <div>{text(step.text)}</div>
                <div className="step-meta">
                  {step.dueDate ? <span>{t('why.by', { date: format.date(step.dueDate) })}</span> : null}
                  {step.done ? <span>✓ {t('why.done')}</span> : null}
                  {step.progress ? <span>{t('why.progress', step.progress)}</span> : null}
                </div>
                {step.progress && step.progress.total > 0 ? (
                  <div
                    className="progress"
                    role="progressbar"
                    aria-label={t('why.progress', step.progress)}
                    aria-valuemin={0}
                    aria-valuemax={step.progress.total}
                    aria-valuenow={step.progress.done}
                  >
                    <span style={{ width: `${(100 * step.progress.done) / step.progress.total}%` }} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          {decision.plan.verifiedOutcome ? <p>{t(`why.expect.${decision.plan.verifiedOutcome}`)}</p> : null}
        </Section>
      ) : null}

      {decision.noPlan ? (
        <Section>
          <p>{text(decision.noPlan)}</p>
        </Section>
      ) : null}

      {decision.outcome !== 'approved' ? (
        <Section>
          <p data-testid="reapply">
            <strong>
              {reapplyOn && reapplyOn > today
                ? t('why.reapplyOn', { date: format.date(reapplyOn) })
                : canReapplyNow
                  ? t('why.reapplyNow')
                  : null}
            </strong>
          </p>
          <div className="actions">
            {canReapplyNow && onApply ? (
              <Button color="primary" loading={applying} onClick={onApply}>
                {t('why.reapply')}
              </Button>
            ) : null}
          </div>
        </Section>
      ) : null}

      <AppealBlock decision={decision} onAppeal={() => void navigate(`/appeal/${decision.decisionId}`)} />
    </>
  );
}

function AppealBlock({ decision, onAppeal }: { decision: MeDecision; onAppeal: () => void }) {
  const { t, format } = useLocale();
  const navigate = useNavigate();
  if (decision.appeal.appealId) {
    return (
      <Section>
        <p>{t('why.appealOpen')}</p>
        <Button
          fill="outline"
          color="primary"
          onClick={() => void navigate(`/appeals/${decision.appeal.appealId}`)}
        >
          {t('why.followAppeal')}
        </Button>
      </Section>
    );
  }
  if (!decision.appeal.canAppeal) return null;
  return (
    <Section>
      {decision.appeal.deadline ? (
        <p className="muted">{t('why.appealHint', { date: format.date(decision.appeal.deadline) })}</p>
      ) : null}
      <Button fill="outline" color="primary" onClick={onAppeal}>
        {t('why.appeal')}
      </Button>
    </Section>
  );
}

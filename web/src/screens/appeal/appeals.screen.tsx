import { Link, useParams } from 'react-router-dom';
import { me, type Appeal } from '../../api/me.ts';
import { ErrorNotice, Loading } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

/** Following appeals: status, the date we answer by (SLA), the outcome and its reasons. */
export default function AppealsScreen() {
  const { t } = useLocale();
  const { appealId } = useParams<{ appealId?: string }>();
  const appeals = useLoad(
    async () => (appealId ? [await me.appeal(appealId)] : (await me.appeals()).appeals),
    [appealId],
  );
  return (
    <Page title={appealId ? t('appeal.title') : t('appeal.list')} back>
      {appeals.error ? <ErrorNotice problem={appeals.error} onRetry={() => void appeals.reload()} /> : null}
      {appeals.loading && !appeals.data ? <Loading /> : null}
      {appeals.data && appeals.data.length === 0 ? (
        <Section>
          <p className="muted">{t('appeal.none')}</p>
        </Section>
      ) : null}
      {appeals.data?.map((appeal) => (
        <AppealCard key={appeal.appealId} appeal={appeal} />
      ))}
    </Page>
  );
}

function AppealCard({ appeal }: { appeal: Appeal }) {
  const { t, text, format } = useLocale();
  return (
    <Section>
      <p className="muted">
        {t('appeal.filedOn', { date: format.date(appeal.filedAt) })} · {text(appeal.categoryText)}
      </p>
      <p className="headline" data-testid="appeal-status">
        {text(appeal.statusText)}
      </p>
      {appeal.slaDueDate && !appeal.resolvedAt ? (
        <p data-testid="appeal-sla">
          <strong>{t('appeal.sla', { date: format.date(appeal.slaDueDate) })}</strong>
        </p>
      ) : null}
      {appeal.resolvedAt ? (
        <>
          <h2 className="section-title">{t('appeal.outcome')}</h2>
          {appeal.granted ? (
            <p>
              {t('appeal.granted', {
                limit: format.yuan(appeal.granted.limit),
                apr: appeal.granted.apr ? format.rate(appeal.granted.apr) : '',
              })}
            </p>
          ) : null}
          {appeal.message ? <p>{text(appeal.message)}</p> : null}
          {appeal.reasons.length > 0 ? (
            <ol className="reasons">
              {appeal.reasons.map((reason) => (
                <li key={reason.code}>{text(reason.text)}</li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
      <Link to={`/decisions/${appeal.granted?.decisionId ?? appeal.decisionId}`}>
        {t('appeal.viewDecision')}
      </Link>
    </Section>
  );
}

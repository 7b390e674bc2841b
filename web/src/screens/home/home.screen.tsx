import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { me, type Home, type ProductStatus } from '../../api/me.ts';
import { ErrorNotice, Loading } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

// The chart comes after the figures: the limit shows first, the radar when ECharts has loaded.
const ScoreChart = lazy(() => import('./score-chart.tsx'));

/** Home / 我的额度: can I borrow, how much, at what price, my score and my verification. */
export function HomeScreen() {
  const { t } = useLocale();
  const home = useLoad(() => me.home(), []);
  return (
    <Page title={t('home.title')}>
      {home.error ? <ErrorNotice problem={home.error} onRetry={() => void home.reload()} /> : null}
      {home.loading && !home.data ? <Loading /> : null}
      {home.data ? (
        <>
          <p className="muted">{t('home.greeting', { name: home.data.customer.maskedName })}</p>
          {home.data.products.map((product) => (
            <ProductCard key={product.product} product={product} />
          ))}
          <ScoreSection score={home.data.score} />
          <VerificationSection verification={home.data.verification} products={home.data.products} />
        </>
      ) : null}
    </Page>
  );
}

function ProductCard({ product }: { product: ProductStatus }) {
  const { t, text, format } = useLocale();
  const headingId = `product-${product.product}`;
  const action = (() => {
    switch (product.status) {
      case 'can_borrow':
        return { label: t('home.actions.borrow'), to: '/borrow', primary: true };
      case 'not_yet':
        return { label: t('home.actions.why'), to: `/why/${product.product}`, primary: true };
      case 'under_review':
        return { label: t('home.actions.review'), to: `/why/${product.product}`, primary: false };
      default:
        return { label: t('home.actions.apply'), to: `/why/${product.product}`, primary: true };
    }
  })();
  return (
    <section className="section" aria-labelledby={headingId} data-product={product.product}>
      <h2 className="section-title" id={headingId}>
        {text(product.name)}{' '}
        <span className={`status status-${product.status}`}>{t(`home.status.${product.status}`)}</span>
      </h2>
      <p className="headline" data-testid={`headline-${product.product}`}>
        {text(product.headline)}
      </p>
      {product.limitTotal !== null ? (
        <div className="figure">
          <div>
            <div className="label">{t('home.available')}</div>
            <div className="big" data-testid={`available-${product.product}`}>
              {format.yuan(product.limitAvailable ?? '0.00')}
            </div>
            <div className="small">{t('home.total', { amount: format.yuan(product.limitTotal) })}</div>
          </div>
          {product.apr ? (
            <div>
              <div className="label">{t('home.apr')}</div>
              <div className="apr" data-testid={`apr-${product.product}`}>
                {format.rate(product.apr)}
              </div>
              {product.dailyRate ? (
                <div className="small">{t('home.daily', { rate: format.rate(product.dailyRate, 3) })}</div>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {product.facilityStatus && product.facilityStatus !== 'active' ? (
        <p className="muted">{t(`home.facility.${product.facilityStatus}`)}</p>
      ) : null}
      <div className="actions">
        <Link className={action.primary ? 'btn btn-primary' : 'btn btn-outline'} to={action.to}>
          {action.label}
        </Link>
        {product.status === 'can_borrow' && product.latestDecisionId ? (
          <Link className="btn btn-outline" to={`/why/${product.product}`}>
            {t('home.actions.decision')}
          </Link>
        ) : null}
      </div>
    </section>
  );
}

function ScoreSection({ score }: { score: Home['score'] }) {
  const { t, text, format } = useLocale();
  const dimensions = useMemo(
    () =>
      (score?.dimensions ?? []).map((dimension) => ({
        label: text(dimension.label),
        score: dimension.score,
      })),
    [score, text],
  );
  return (
    <Section title={t('home.score')} id="score-title">
      {score ? (
        <>
          <div className="figure">
            <div>
              <div className="big" data-testid="score">
                {score.value}
              </div>
              <div className="small">
                {t(`home.band.${score.band}`)} · {t('home.scoreRange')} ·{' '}
                {t('home.scoreAsOf', { date: format.date(score.asOf) })}
              </div>
            </div>
          </div>
          <h3 className="muted">{t('home.dimensions')}</h3>
          <DeferredChart dimensions={dimensions} />
          <ul className="dimensions">
            {dimensions.map((dimension) => (
              <li key={dimension.label} style={{ display: 'contents' }}>
                <span>{dimension.label}</span>
                <strong>{dimension.score}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('home.noScore')}</p>
      )}
    </Section>
  );
}

function VerificationSection({
  verification,
  products,
}: {
  verification: Home['verification'];
  products: ProductStatus[];
}) {
  const { t, text } = useLocale();
  return (
    <Section title={t('home.verification')} id="verification-title">
      <p data-testid="verification-level">
        {t('home.level', { level: verification.level, name: text(verification.levelName) })}
      </p>
      <ul className="list">
        {products.map((product) =>
          verification.levelsNeeded[product.product] !== undefined ? (
            <li key={product.product} className="muted">
              {t('home.needed', {
                product: text(product.name),
                level: verification.levelsNeeded[product.product],
              })}
            </li>
          ) : null,
        )}
      </ul>
      {verification.nextStep ? (
        <>
          <p>{text(verification.nextStep)}</p>
          <Link className="btn btn-outline" to="/verify">
            {t('home.verify')}
          </Link>
        </>
      ) : (
        <p className="muted">{t('home.allVerified')}</p>
      )}
    </Section>
  );
}

/**
 * The radar loads after the figures are on screen (ECharts is the biggest part of the page): the limit and
 * the text list of dimensions come first, the chart when the browser is idle.
 */
function DeferredChart({ dimensions }: { dimensions: { label: string; score: number }[] }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    const handle = idle(() => setReady(true));
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(handle);
  }, []);
  const placeholder = <div className="chart" aria-hidden="true" />;
  return ready ? (
    <Suspense fallback={placeholder}>
      <ScoreChart dimensions={dimensions} />
    </Suspense>
  ) : (
    placeholder
  );
}

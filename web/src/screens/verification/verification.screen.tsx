import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { me, type Product } from '../../api/me.ts';
import { problemFrom, type ApiProblem } from '../../api/problem.ts';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { asProblem, useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

/** Verification: what is verified, what failed, and binding a bank card in one's own name (four elements). */
export default function VerificationScreen() {
  const { t, text } = useLocale();
  const verification = useLoad(() => me.verification(), []);
  const [cardNumber, setCardNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const [done, setDone] = useState<{ verified: boolean; level: number } | undefined>(undefined);

  const bind = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    setFailure(undefined);
    if (cardNumber.trim() === '') {
      setFailure(problemFrom(422, { detail: t('verify.cardRequired') }));
      return;
    }
    setBusy(true);
    try {
      const answer = await me.bindCard(cardNumber.trim());
      verification.setData(answer.verification);
      setDone({ verified: answer.verified, level: answer.verification.level });
      setCardNumber('');
    } catch (error) {
      setFailure(asProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const data = verification.data;
  return (
    <Page title={t('verify.title')} back>
      {verification.error ? (
        <ErrorNotice problem={verification.error} onRetry={() => void verification.reload()} />
      ) : null}
      {verification.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <Section>
            <p className="headline" data-testid="verification-level">
              {t('verify.level', { level: data.level, name: text(data.levelName) })}
            </p>
            {(Object.entries(data.levelsNeeded) as [Product, number][]).map(([product, level]) => (
              <p key={product} className="muted">
                {t('verify.needed', { product: t(`products.${product}`), level })}
              </p>
            ))}
            {data.nextStep ? <p>{text(data.nextStep)}</p> : null}
          </Section>
          <Section title={t('verify.elements')} id="elements-title">
            <ul className="list">
              {data.elements.map((element) => (
                <li key={element.element}>
                  {t(`verify.element.${element.element}`)}:{' '}
                  <strong
                    className={element.verified ? 'status status-approved' : 'status status-not_applied'}
                  >
                    {element.verified ? t('verify.verified') : t('verify.notVerified')}
                  </strong>
                </li>
              ))}
            </ul>
          </Section>
          {data.failures.length > 0 ? (
            <Section title={t('verify.problems')} id="failures-title">
              <ul className="list">
                {data.failures.map((failure) => (
                  <li key={failure.code}>{text(failure.text)}</li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section title={t('verify.cards')} id="cards-title">
            {data.cards.length === 0 ? <p className="muted">{t('verify.noCards')}</p> : null}
            <ul className="list">
              {data.cards.map((card) => (
                <li key={card.cardId}>
                  {card.cardNumber}
                  {card.issuer ? ` · ${card.issuer}` : ''}
                </li>
              ))}
            </ul>
          </Section>
          <Section title={t('verify.bindTitle')} id="bind-title">
            <form onSubmit={(event) => void bind(event)} noValidate>
              <div className="field">
                <label htmlFor="card-number">{t('verify.cardNumber')}</label>
                <input
                  id="card-number"
                  type="text"
                  inputMode="numeric"
                  autoComplete="cc-number"
                  placeholder={t('verify.cardPlaceholder')}
                  value={cardNumber}
                  onChange={(event) => setCardNumber(event.target.value)}
                  aria-describedby="card-hint"
                />
                <div className="hint" id="card-hint">
                  {t('verify.cardHint')}
                </div>
              </div>
              {failure ? <ErrorNotice problem={failure} /> : null}
              {done ? (
                <SuccessNotice>
                  {done.verified ? t('verify.bound', { level: done.level }) : t('verify.boundNotVerified')}
                </SuccessNotice>
              ) : null}
              <Button type="submit" color="primary" block loading={busy} loadingText={t('verify.binding')}>
                {t('verify.bind')}
              </Button>
            </form>
          </Section>
        </>
      ) : null}
    </Page>
  );
}

import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { ApiProblem } from '../../api/problem.ts';
import { me } from '../../api/me.ts';
import { startSession } from '../../api/session.ts';
import { ErrorNotice, Loading } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { asProblem, useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

/**
 * Sign-in. A real customer arrives from the lender's app already signed in (the lender's backend asks for a
 * session); in demo mode this page lists the nine demo customers to sign in as.
 */
export default function SignInScreen() {
  const { t, text } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const ended = (location.state as { ended?: boolean } | null)?.ended === true;
  const demo = useLoad(
    () =>
      me.demoCustomers().catch((error: unknown) => {
        // Outside demo mode the demo sign-in does not exist (404): show the real way in.
        if (asProblem(error).status === 404) return null;
        throw error;
      }),
    [],
  );
  const [signing, setSigning] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);

  const signInAs = async (customerId: string) => {
    setSigning(customerId);
    setFailure(undefined);
    try {
      const session = await me.demoSession(customerId);
      startSession({ token: session.token, customerId: session.customerId, expiresAt: session.expiresAt });
      void navigate('/', { replace: true });
    } catch (error) {
      setFailure(asProblem(error));
    } finally {
      setSigning(undefined);
    }
  };

  return (
    <Page title={t('signIn.title')}>
      {ended ? (
        <div role="status" className="notice notice-error">
          {t('common.sessionEnded')}
        </div>
      ) : null}
      {demo.error ? <ErrorNotice problem={demo.error} onRetry={() => void demo.reload()} /> : null}
      {failure ? <ErrorNotice problem={failure} /> : null}
      {demo.loading ? <Loading /> : null}
      {demo.data === null ? (
        <Section>
          <p>{t('signIn.realIntro')}</p>
        </Section>
      ) : null}
      {demo.data ? (
        <Section title={t('common.appName')} id="demo-title">
          <p className="muted">{t('signIn.demoIntro')}</p>
          {demo.data.customers.map((customer) => (
            <button
              key={customer.customerId}
              type="button"
              className="demo-customer"
              data-case={customer.case}
              disabled={signing !== undefined}
              onClick={() => void signInAs(customer.customerId)}
            >
              <strong>
                {customer.displayName} · {t(`products.${customer.product}`)}
              </strong>
              <span>{signing === customer.customerId ? t('signIn.signingIn') : text(customer.shows)}</span>
            </button>
          ))}
        </Section>
      ) : null}
    </Page>
  );
}

import { Link } from 'react-router-dom';
import { me, type Message } from '../../api/me.ts';
import { ErrorNotice, Loading } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

function linkOf(message: Message): string | undefined {
  if (message.link.appealId) return `/appeals/${message.link.appealId}`;
  if (message.link.decisionId) return `/decisions/${message.link.decisionId}`;
  // Bills shows both: the cash loans and the spending line (reminders, payments, statements link here).
  if (message.link.lineId || message.link.loanId) return '/bills';
  return undefined;
}

/** Messages: decision results, appeal outcomes, limit changes and account news (reminders, payments), newest first. */
export default function MessagesScreen() {
  const { t, text, format } = useLocale();
  const messages = useLoad(() => me.messages(), []);
  return (
    <Page title={t('messages.title')}>
      <p>
        <Link to="/my-data" data-testid="my-data-link">
          {t('myData.title')}
        </Link>
      </p>
      {messages.error ? (
        <ErrorNotice problem={messages.error} onRetry={() => void messages.reload()} />
      ) : null}
      {messages.loading && !messages.data ? <Loading /> : null}
      {messages.data ? (
        <Section>
          {messages.data.messages.length === 0 ? <p className="muted">{t('messages.none')}</p> : null}
          <ul className="list" data-testid="messages">
            {messages.data.messages.map((message) => {
              const to = linkOf(message);
              return (
                <li key={message.id}>
                  <strong>{text(message.title)}</strong>
                  <div>{text(message.text)}</div>
                  <div className="muted">
                    {format.dateTime(message.at)}
                    {to ? (
                      <>
                        {' · '}
                        <Link to={to}>{t('messages.open')}</Link>
                      </>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
    </Page>
  );
}

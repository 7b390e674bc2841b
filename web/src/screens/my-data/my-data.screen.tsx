import { Button, Dialog } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useIntent } from '../../api/intent.ts';
import { me, type Copy, type CorrectionRequest, type ErasureRequest } from '../../api/me.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { endSession } from '../../api/session.ts';
import { ErrorNotice, Loading } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { asProblem, useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

const FIELDS = ['incomeBand', 'occupation', 'residenceCity', 'education'] as const;
type Field = (typeof FIELDS)[number];
/** The answer is due within this many calendar days (the server's default; each correction says its own date). */
const SLA_DAYS = 15;

/** Opens a copy's file: the summary in a new tab, the JSON as a download. */
async function openFile(copy: Copy, file: 'document' | 'summary'): Promise<void> {
  const blob = await me.copyFile(copy.exportId, file);
  const url = URL.createObjectURL(blob);
  if (file === 'summary') window.open(url, '_blank', 'noopener');
  else {
    const link = document.createElement('a');
    link.href = url;
    link.download = `credence-data-${copy.asOf}.json`;
    link.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** My data: a copy of everything held about me (with its progress), and corrections of what is wrong. */
export default function MyDataScreen() {
  const { t, format, locale } = useLocale();
  const copies = useLoad(() => me.copies(), []);
  const erasures = useLoad(() => me.erasures(), []);
  const [erasure, setErasure] = useState<ErasureRequest | null>(null);
  const both = (text: { zh: string; en: string }) => (locale === 'en' ? text.en : text.zh);
  const corrections = useLoad(() => me.corrections(), []);
  const [busy, setBusy] = useState(false);
  const [field, setField] = useState<Field>('incomeBand');
  const [value, setValue] = useState('');
  const [statement, setStatement] = useState('');
  const running = copies.data?.items.some((copy) => copy.status === 'queued' || copy.status === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void copies.reload(), 1000);
    return () => clearInterval(timer);
  }, [running, copies]);

  const request = async () => {
    setBusy(true);
    try {
      await me.requestCopy();
      await copies.reload();
    } finally {
      setBusy(false);
    }
  };
  /** Erasure is for good: asked twice (the dialog), then the answer — erased (signed out) or what keeps it. */
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState<string | null>(null);
  const [eraseFailure, setEraseFailure] = useState<ApiProblem | undefined>(undefined);
  // One intent, one key: a double tap or a retry after a lost connection answers the same request.
  const eraseIntent = useIntent();
  const erase = async () => {
    setEraseFailure(undefined);
    try {
      const answer = await eraseIntent.run((key) => me.requestErasure(key));
      if (!answer) return;
      setErasure(answer);
      if (answer.status === 'completed') setErased(both(answer.summary));
    } catch (error) {
      setEraseFailure(asProblem(error));
    }
  };
  const shown = erasure ?? erasures.data?.requests[0] ?? null;
  const correct = async () => {
    const body: CorrectionRequest = {
      subject: { kind: 'profile', field },
      statement,
      ...(value.trim() ? { proposed: { [field]: value.trim() } } : {}),
    };
    await me.fileCorrection(body);
    setValue('');
    setStatement('');
    await corrections.reload();
  };

  return (
    <Page title={t('myData.title')} back>
      <Section>
        <p>{t('myData.intro')}</p>
        <Button
          color="primary"
          block
          loading={busy}
          onClick={() => void request()}
          data-testid="request-copy"
        >
          {busy ? t('myData.requesting') : t('myData.request')}
        </Button>
      </Section>
      {copies.error ? <ErrorNotice problem={copies.error} onRetry={() => void copies.reload()} /> : null}
      {copies.loading && !copies.data ? <Loading /> : null}
      {copies.data ? (
        <Section>
          {copies.data.items.length === 0 ? <p className="muted">{t('myData.none')}</p> : null}
          <ul className="list" data-testid="copies">
            {copies.data.items.map((copy) => (
              <li key={copy.exportId}>
                <div className="muted">{format.dateTime(copy.createdAt)}</div>
                {copy.status === 'queued' || copy.status === 'running' ? (
                  <div role="status">
                    {t('myData.progress', { done: copy.done, total: copy.total })}
                    <progress max={copy.total} value={copy.done} aria-label={t('myData.title')} />
                  </div>
                ) : null}
                {copy.status === 'failed' ? (
                  <div>{t('myData.failed', { detail: copy.error?.message ?? '' })}</div>
                ) : null}
                {copy.status === 'done' && copy.links ? (
                  <div>
                    <div>
                      {t('myData.ready', { date: format.dateTime(copy.expiresAt ?? copy.createdAt) })}
                    </div>
                    <Button size="small" onClick={() => void openFile(copy, 'document')}>
                      {t('myData.download')}
                    </Button>{' '}
                    <Button size="small" onClick={() => void openFile(copy, 'summary')}>
                      {t('myData.open')}
                    </Button>
                  </div>
                ) : null}
                {copy.status === 'done' && !copy.links ? (
                  <div className="muted">{t('myData.purged')}</div>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section>
        <h2>{t('myData.correctTitle')}</h2>
        <p className="muted">{t('myData.correctIntro', { days: SLA_DAYS })}</p>
        <label className="field-block">
          {t('myData.field')}{' '}
          <select value={field} onChange={(event) => setField(event.target.value as Field)}>
            {FIELDS.map((name) => (
              <option key={name} value={name}>
                {t(`myData.fields.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-block">
          {t('myData.value')} <input value={value} onChange={(event) => setValue(event.target.value)} />
        </label>
        <label className="field-block">
          {t('myData.statement')}{' '}
          <textarea
            value={statement}
            maxLength={2000}
            onChange={(event) => setStatement(event.target.value)}
          />
        </label>
        <Button block disabled={statement.trim().length === 0} onClick={() => void correct()}>
          {t('myData.submit')}
        </Button>
        {corrections.data && corrections.data.items.length > 0 ? (
          <>
            <h2>{t('myData.corrections')}</h2>
            <ul className="list" data-testid="corrections">
              {corrections.data.items.map((item) => (
                <li key={item.correctionId}>
                  <strong>
                    {FIELDS.includes(item.subject.field as Field)
                      ? t(`myData.fields.${item.subject.field as Field}`)
                      : item.subject.kind}
                  </strong>{' '}
                  — {t(`myData.statuses.${item.status}`)}
                  <div className="muted">{t('myData.filed', { date: format.date(item.dueDate) })}</div>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <Section>
        <h2>{t('myData.eraseTitle')}</h2>
        <p className="muted">{t('myData.eraseIntro')}</p>
        {erasures.error ? (
          <ErrorNotice problem={erasures.error} onRetry={() => void erasures.reload()} />
        ) : null}
        {eraseFailure ? <ErrorNotice problem={eraseFailure} /> : null}
        {shown && shown.status !== 'completed' && shown.status !== 'cancelled' ? (
          <div role="status" data-testid="erasure">
            <p>{both(shown.summary)}</p>
            <ul className="list">
              {shown.holds.map((hold, index) => (
                <li key={`${hold.kind}-${index}`}>{both(hold.text)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Button block loading={eraseIntent.busy} onClick={() => setConfirming(true)} data-testid="erase">
          {t('myData.erase')}
        </Button>
        <Dialog
          visible={confirming}
          aria-label={t('myData.eraseTitle')}
          title={t('myData.eraseTitle')}
          content={t('myData.eraseConfirm')}
          closeOnAction
          onClose={() => setConfirming(false)}
          actions={[
            [
              { key: 'keep', text: t('myData.eraseNo') },
              { key: 'erase', text: t('myData.eraseYes'), bold: true, onClick: () => void erase() },
            ],
          ]}
        />
        <Dialog
          visible={erased !== null}
          aria-label={t('myData.eraseTitle')}
          content={erased}
          closeOnAction
          onClose={() => endSession('signed-out')}
          actions={[{ key: 'ok', text: t('myData.erasedOk') }]}
        />
      </Section>
    </Page>
  );
}

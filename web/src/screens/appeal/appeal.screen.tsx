import { Button } from 'antd-mobile';
import { useRef, useState, type ChangeEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { me } from '../../api/me.ts';
import { problemFrom, type ApiProblem } from '../../api/problem.ts';
import { Choice } from '../../components/choice.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { asProblem } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

const CATEGORIES = ['data_error', 'repaid_debt', 'identity', 'system_fault', 'other'] as const;
/** What the server accepts (docs/customer-app.md): JPEG, PNG or PDF up to 5 MB each. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Appeal / 申诉: contest a decision with a category, a statement and photo or PDF evidence. */
export default function AppealScreen() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const { decisionId = '' } = useParams<{ decisionId: string }>();
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>('data_error');
  const [statement, setStatement] = useState('');
  const [evidence, setEvidence] = useState<{ id: string; name: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFailure(undefined);
    // Checked here first so a person on a phone network does not wait for a refusal; the server checks again.
    if (!(EVIDENCE_TYPES as readonly string[]).includes(file.type)) {
      setFailure(problemFrom(415, { detail: t('appeal.evidenceWrongType', { name: file.name }) }));
      return;
    }
    if (file.size > EVIDENCE_MAX_BYTES) {
      setFailure(
        problemFrom(413, {
          detail: t('appeal.evidenceTooLarge', {
            name: file.name,
            size: megabytes(file.size),
            limit: megabytes(EVIDENCE_MAX_BYTES),
          }),
        }),
      );
      return;
    }
    setUploading(true);
    try {
      const stored = await me.uploadEvidence(file);
      setEvidence((current) =>
        current.some((item) => item.id === stored.evidenceId)
          ? current
          : [...current, { id: stored.evidenceId, name: file.name }],
      );
    } catch (error) {
      const problem = asProblem(error);
      // The server's refusal of the file itself, said in the page's language with the file's name.
      if (problem.status === 413)
        setFailure(
          problemFrom(413, {
            detail: t('appeal.evidenceTooLarge', {
              name: file.name,
              size: megabytes(file.size),
              limit: megabytes(EVIDENCE_MAX_BYTES),
            }),
          }),
        );
      else if (problem.status === 415 || problem.status === 422)
        setFailure(
          problemFrom(problem.status, { detail: t('appeal.evidenceRejected', { name: file.name }) }),
        );
      else setFailure(problem);
    } finally {
      setUploading(false);
    }
  };

  const submit = async () => {
    setFailure(undefined);
    if (statement.trim() === '' || statement.length > 4000) {
      setFailure(problemFrom(422, { detail: t('appeal.statementRequired') }));
      return;
    }
    setSubmitting(true);
    try {
      const appeal = await me.fileAppeal(decisionId, {
        category,
        statement: statement.trim(),
        ...(evidence.length > 0 ? { evidence: evidence.map((item) => item.id) } : {}),
      });
      void navigate(`/appeals/${appeal.appealId}`, { replace: true });
    } catch (error) {
      setFailure(asProblem(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page title={t('appeal.title')} back>
      <Section>
        <p>{t('appeal.intro')}</p>
        <Choice
          legend={t('appeal.category')}
          name="category"
          options={CATEGORIES.map((value) => ({ value, label: t(`appeal.categories.${value}`) }))}
          value={category}
          onChange={setCategory}
        />
        <div className="field">
          <label htmlFor="appeal-statement">{t('appeal.statement')}</label>
          <textarea
            id="appeal-statement"
            rows={5}
            maxLength={4000}
            placeholder={t('appeal.statementPlaceholder')}
            value={statement}
            onChange={(event) => setStatement(event.target.value)}
          />
        </div>
        <div className="field">
          <span className="field-label">{t('appeal.evidence')}</span>
          <div className="hint" id="evidence-hint">
            {t('appeal.evidenceHint', { size: megabytes(EVIDENCE_MAX_BYTES) })}
          </div>
          <input
            ref={fileInput}
            id="appeal-evidence"
            type="file"
            accept={EVIDENCE_TYPES.join(',')}
            aria-describedby="evidence-hint"
            aria-label={t('appeal.evidenceAdd')}
            style={{ display: 'none' }}
            onChange={(event) => void upload(event)}
          />
          <Button
            size="small"
            fill="outline"
            loading={uploading}
            loadingText={t('appeal.uploading')}
            onClick={() => fileInput.current?.click()}
          >
            {t('appeal.evidenceAdd')}
          </Button>
          <ul className="list" data-testid="evidence">
            {evidence.map((item) => (
              <li key={item.id}>
                {t('appeal.uploaded', { name: item.name })}{' '}
                <Button
                  size="mini"
                  fill="none"

                  onClick={() => setEvidence((current) => current.filter((other) => other.id !== item.id))}
                >
                  {t('appeal.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
        {failure ? <ErrorNotice problem={failure} /> : null}
        <Button
          block
          color="primary"
          loading={submitting}
          loadingText={t('appeal.submitting')}
          onClick={() => void submit()}
        >
          {t('appeal.submit')}
        </Button>
      </Section>
    </Page>
  );
}

import { Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import type { ApiProblem } from '../../api/problem.ts';
import type { CaseFile } from './types.ts';

type EvidenceInfo = CaseFile['evidence'][number];

/**
 * One evidence file shown inline: fetched with the session (cookie), turned into a blob URL — an image in an
 * <img>, a PDF in an <object> — and the URL revoked when the file leaves the page.
 */
function EvidenceFile({ appealId, info }: { appealId: string; info: EvidenceInfo }) {
  const { t, format } = useLocale();
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let created: string | undefined;
    unwrap(
      api.GET('/v1/appeals/{id}/evidence/{evidenceId}', {
        params: { path: { id: appealId, evidenceId: info.evidenceId } },
        parseAs: 'blob',
      }),
    )
      .then((blob) => {
        // The server states the type; the blob is typed by it so the PDF viewer and <img> accept it.
        created = URL.createObjectURL(new Blob([blob as Blob], { type: info.mediaType }));
        if (live) setUrl(created);
        else URL.revokeObjectURL(created);
      })
      .catch((caught: unknown) => {
        if (live) setProblem(asProblem(caught));
      });
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [appealId, info.evidenceId, info.mediaType]);

  const label =
    info.mediaType === 'application/pdf'
      ? t('reviewer.case.evidencePdf', { id: info.evidenceId })
      : t('reviewer.case.evidenceImage', { id: info.evidenceId });
  return (
    <Card
      size="small"
      title={<code style={{ fontSize: 12 }}>{info.evidenceId}</code>}
      extra={
        <Space size={8}>
          <Typography.Text type="secondary">
            {info.mediaType} · {(info.sizeBytes / 1024).toFixed(1)} KB · {format.dateTime(info.uploadedAt)}
          </Typography.Text>
          {url ? (
            <Button size="small" href={url} download={info.evidenceId}>
              {t('reviewer.case.download')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {problem ? (
        <ProblemAlert problem={problem} />
      ) : !url ? (
        <Spin tip={t('reviewer.case.evidenceLoading')}>
          <div style={{ height: 80 }} />
        </Spin>
      ) : info.mediaType === 'application/pdf' ? (
        <object data={url} type="application/pdf" aria-label={label} style={{ width: '100%', height: 480 }}>
          <a href={url} download={info.evidenceId}>
            {label}
          </a>
        </object>
      ) : (
        <img src={url} alt={label} style={{ maxWidth: '100%', maxHeight: 480, display: 'block' }} />
      )}
    </Card>
  );
}

export function EvidencePanel({ appealId, evidence }: { appealId: string; evidence: CaseFile['evidence'] }) {
  const { t } = useLocale();
  if (evidence.length === 0) return <Empty description={t('reviewer.case.noEvidence')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {evidence.map((info) => (
        <EvidenceFile key={info.evidenceId} appealId={appealId} info={info} />
      ))}
    </Space>
  );
}

import { Card, Collapse, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useLocale } from '../i18n.ts';
import { OutcomeTag, useBilingual, useProductName } from './common.tsx';
import type { DecisionEvidence, DecisionView, FieldChange, RecheckDiff, TraceEntry } from './types.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A decision's reasons, ranked, in the reader's language, with their codes. */
export function ReasonList({
  reasons,
}: {
  reasons: readonly { code: string; kind?: string; text: { zh: string; en: string } }[];
}) {
  const { t } = useLocale();
  const text = useBilingual();
  if (reasons.length === 0)
    return <Typography.Text type="secondary">{t('reviewer.case.noReasons')}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {reasons.map((reason) => (
        <li key={reason.code} style={{ marginBottom: 4 }}>
          {text(reason.text)} <Tag style={{ marginInlineStart: 4 }}>{reason.code}</Tag>
        </li>
      ))}
    </ol>
  );
}

/** The rule trace: each node evaluated, the fields it read and the rows it matched. */
export function TraceTable({ trace }: { trace: readonly TraceEntry[] | null }) {
  const { t } = useLocale();
  if (!trace || trace.length === 0) return <Empty description={t('reviewer.case.traceNone')} />;
  return (
    <Table<TraceEntry>
      size="small"
      rowKey={(row) => row.nodeId}
      pagination={false}
      dataSource={[...trace]}
      columns={[
        { title: t('reviewer.case.traceNode'), dataIndex: 'nodeName', width: 180 },
        { title: t('reviewer.case.traceKind'), dataIndex: 'kind', width: 120 },
        {
          title: t('reviewer.case.traceMatched'),
          dataIndex: 'matched',
          width: 180,
          render: (matched: readonly string[]) =>
            matched.length > 0 ? (
              <Space size={[4, 4]} wrap>
                {matched.map((row) => (
                  <Tag key={row} color="gold">
                    {row}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
        {
          title: t('reviewer.case.traceInputs'),
          dataIndex: 'inputs',
          render: (inputs: Record<string, unknown>) => (
            <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {Object.entries(inputs)
                .slice(0, 12)
                .map(([field, value]) => `${field} = ${show(value)}`)
                .join(' · ')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** The facts the decision was made on: verification, holds, the consents relied on, features. */
export function FactsTable({ facts }: { facts: DecisionEvidence['facts'] }) {
  const { t } = useLocale();
  if (!facts) return <Empty description={t('reviewer.case.traceNone')} />;
  const rows = [
    ...(facts.verification
      ? [
          { key: 'verification.level', value: facts.verification.level },
          { key: 'verification.failures', value: facts.verification.failures.join(', ') || '—' },
        ]
      : []),
    ...(facts.age !== undefined ? [{ key: 'age', value: facts.age }] : []),
    ...(facts.holds ?? []).map((hold) => ({ key: `hold.${hold.reasonCode}`, value: hold.expiresAt })),
    // The consents the decision relied on: the event and the notice version the person accepted.
    ...(facts.consents ?? []).map((consent) => ({
      key: `consent.${consent.purpose}${consent.dataSource ? `.${consent.dataSource}` : ''}`,
      value: `${consent.eventRef} · ${consent.noticeVersion === null ? '—' : `v${consent.noticeVersion}`} · ${consent.since}`,
    })),
    ...Object.entries(facts.features ?? {}).map(([key, value]) => ({ key, value })),
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ y: 320 }}
      dataSource={rows}
      columns={[
        { title: t('reviewer.case.feature'), dataIndex: 'key' },
        { title: t('reviewer.case.value'), dataIndex: 'value', render: (value: unknown) => show(value) },
      ]}
    />
  );
}

/** A decision: outcome, terms, reasons; its trace and facts folded below. */
export function DecisionCard({
  title,
  decision,
  extra,
}: {
  title: string;
  decision: DecisionView;
  extra?: React.ReactNode;
}) {
  const { t, format } = useLocale();
  const product = useProductName();
  const evidence = decision.evidence;
  return (
    <Card title={<h2 className="rv-h2">{title}</h2>} extra={extra} size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      >
        <Descriptions.Item label={t('reviewer.common.status')}>
          <OutcomeTag outcome={decision.outcome} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.common.product')}>
          {product(decision.product)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.limit')}>{format.yuan(decision.limit)}</Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.apr')}>
          {decision.apr ? format.rate(decision.apr) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.score')}>{decision.score ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.decidedAt')}>
          {format.dateTime(decision.decidedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.policy')}>
          <code style={{ wordBreak: 'break-all' }}>{decision.policyVersion ?? '—'}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.model')}>
          <code style={{ wordBreak: 'break-all' }}>{decision.modelVersion ?? '—'}</code>
        </Descriptions.Item>
        <Descriptions.Item label="ID">
          <code style={{ wordBreak: 'break-all' }}>{decision.decisionId}</code>
        </Descriptions.Item>
      </Descriptions>
      <h3 className="rv-h3">{t('reviewer.case.reasons')}</h3>
      <ReasonList reasons={decision.reasons} />
      {evidence ? (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'trace',
              label: `${t('reviewer.case.trace')} (${evidence.trace?.length ?? 0})`,
              children: <TraceTable trace={evidence.trace} />,
            },
            {
              key: 'facts',
              label: t('reviewer.case.facts'),
              children: <FactsTable facts={evidence.facts} />,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

function ChangeTable({ changes }: { changes: readonly FieldChange[] }) {
  const { t } = useLocale();
  if (changes.length === 0)
    return <Typography.Text type="secondary">{t('reviewer.case.noChange')}</Typography.Text>;
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={[...changes]}
      columns={[
        { title: t('reviewer.case.field'), dataIndex: 'field' },
        { title: t('reviewer.case.from'), dataIndex: 'from', render: (value: unknown) => show(value) },
        { title: t('reviewer.case.to'), dataIndex: 'to', render: (value: unknown) => show(value) },
      ]}
    />
  );
}

/** What the re-check changed: the verdict, outputs, inputs, features, reasons and versions. */
export function DiffCard({ diff }: { diff: RecheckDiff | null }) {
  const { t } = useLocale();
  const text = useBilingual();
  if (!diff)
    return (
      <Card title={<h2 className="rv-h2">{t('reviewer.case.diff')}</h2>} size="small">
        <Typography.Text type="secondary">{t('reviewer.case.noRecheck')}</Typography.Text>
      </Card>
    );
  const reasonList = (items: readonly { code: string; text: { zh: string; en: string } }[]) =>
    items.length === 0 ? (
      <Typography.Text type="secondary">{t('reviewer.common.none')}</Typography.Text>
    ) : (
      <List
        size="small"
        dataSource={[...items]}
        renderItem={(item) => (
          <List.Item>
            {text(item.text)} <Tag>{item.code}</Tag>
          </List.Item>
        )}
      />
    );
  const colour = { better: 'green', same: 'default', worse: 'red', mixed: 'orange' }[diff.verdict];
  return (
    <Card
      title={<h2 className="rv-h2">{t('reviewer.case.diff')}</h2>}
      size="small"
      extra={<Tag color={colour}>{t(`reviewer.verdict.${diff.verdict}`)}</Tag>}
    >
      {diff.recheckFault ? (
        <Typography.Paragraph type="warning">{t('reviewer.case.recheckFault')}</Typography.Paragraph>
      ) : null}
      <h3 className="rv-h3">{t('reviewer.case.outputs')}</h3>
      <ChangeTable changes={diff.outputs} />
      <h3 className="rv-h3">{t('reviewer.case.inputs')}</h3>
      <ChangeTable changes={diff.inputs} />
      <h3 className="rv-h3">{t('reviewer.case.features')}</h3>
      <ChangeTable changes={diff.features} />
      <Descriptions size="small" column={1} style={{ marginTop: 12 }} bordered>
        <Descriptions.Item label={t('reviewer.case.reasonsAdded')}>
          {reasonList(diff.reasons.added)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.reasonsRemoved')}>
          {reasonList(diff.reasons.removed)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.reasonsKept')}>
          {reasonList(diff.reasons.kept)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviewer.case.versions')}>
          {diff.versions.model
            ? `${t('reviewer.case.model')}: ${diff.versions.model.from ?? '—'} → ${diff.versions.model.to ?? '—'}`
            : null}
          {diff.versions.model && diff.versions.policy ? <br /> : null}
          {diff.versions.policy
            ? `${t('reviewer.case.policy')}: ${diff.versions.policy.from ?? '—'} → ${diff.versions.policy.to ?? '—'}`
            : null}
          {!diff.versions.model && !diff.versions.policy ? t('reviewer.case.noChange') : null}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

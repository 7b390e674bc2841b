import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Input, Modal, Segmented, Space, Tag, Tooltip, Typography, message } from 'antd';
import { useState } from 'react';
import type { ApiProblem } from '../../api/problem.ts';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useHeld } from '../components/use-held.ts';
import { asProblem, useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { useSession } from '../session.tsx';
import { actorName, studioApi, type ApprovalItem, type ChangeStatus } from './contract.ts';

const KIND_COLOUR = { policy: 'purple', model: 'cyan', settings: 'geekblue' } as const;
const STATUS_COLOUR: Record<ChangeStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  superseded: 'default',
};

/** Names compared as people, as the server does (width, case, spacing do not make another person). */
function samePerson(a: string, b: string): boolean {
  const norm = (name: string) =>
    name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en-US');
  return norm(a) === norm(b);
}

/**
 * The four-eyes inbox of the studio: policy versions, model activations and dated settings waiting for a
 * second person. Your own requests are shown but cannot be decided (the buttons say why; the server refuses
 * with 403 maker-checker all the same).
 */
export function Approvals() {
  const { t, format } = useLocale();
  const { session } = useSession();
  const [status, setStatus] = useState<ChangeStatus>('pending');
  const { data, error, loading, reload } = useLoad(
    async () =>
      (await unwrap(studioApi.GET('/v1/approvals', { params: { query: { status } } })))
        .items as ApprovalItem[],
    [status],
  );
  const [deciding, setDeciding] = useState<
    { item: ApprovalItem; decision: 'approve' | 'reject' } | undefined
  >();
  // The dialog's title, button and body stay what they were while it fades out (a dialog without a title has no
  // accessible name).
  const { held: shownDecision, release: releaseDecision } = useHeld(deciding);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const me = session?.user;

  const mine = (item: ApprovalItem) => {
    if (!me) return false;
    return samePerson(item.requestedBy, me.username) || samePerson(item.requestedBy, me.displayName);
  };

  const decide = async () => {
    if (!deciding) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const path = { changeId: deciding.item.changeId };
      const body = note.trim() ? { note: note.trim() } : {};
      if (deciding.decision === 'approve')
        await unwrap(studioApi.POST('/v1/approvals/{changeId}/approve', { params: { path }, body }));
      else await unwrap(studioApi.POST('/v1/approvals/{changeId}/reject', { params: { path }, body }));
      void message.success(
        t(
          deciding.decision === 'approve'
            ? 'studio.approvals.approvedToast'
            : 'studio.approvals.rejectedToast',
        ),
      );
      setDeciding(undefined);
      setNote('');
      void reload();
    } catch (caught) {
      setProblem(asProblem(caught));
    } finally {
      setBusy(false);
    }
  };

  const columns: ProColumns<ApprovalItem>[] = [
    {
      title: t('studio.approvals.kind'),
      dataIndex: 'kind',
      render: (_, item) => (
        <Tag color={KIND_COLOUR[item.kind]}>{t(`studio.approvals.kinds.${item.kind}`)}</Tag>
      ),
    },
    { title: t('studio.approvals.summary'), dataIndex: 'summary' },
    {
      title: t('studio.approvals.requestedBy'),
      render: (_, item) => (
        <Space size={4}>
          <span>{actorName(item.requestedBy)}</span>
          {mine(item) ? <Tag color="blue">{t('studio.approvals.you')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('studio.approvals.requestedAt'), render: (_, item) => format.dateTime(item.requestedAt) },
    { title: t('studio.approvals.effectiveFrom'), render: (_, item) => format.date(item.effectiveFrom) },
    {
      title: t('studio.approvals.status'),
      render: (_, item) => (
        <Tag color={STATUS_COLOUR[item.status] ?? 'default'}>
          {t(`studio.approvals.statuses.${item.status}`)}
        </Tag>
      ),
    },
    {
      title: t('studio.approvals.actions'),
      render: (_, item) => {
        if (item.status !== 'pending')
          return (
            <Typography.Text type="secondary">
              {actorName(item.decidedBy)}
              {item.note ? ` — ${item.note}` : ''}
            </Typography.Text>
          );
        const own = mine(item);
        const buttons = (
          <Space>
            <Button
              type="primary"
              size="small"
              disabled={own}
              onClick={() => setDeciding({ item, decision: 'approve' })}
              aria-label={`${t('studio.approvals.approve')} ${item.summary}`}
            >
              {t('studio.approvals.approve')}
            </Button>
            <Button
              danger
              size="small"
              disabled={own}
              onClick={() => setDeciding({ item, decision: 'reject' })}
              aria-label={`${t('studio.approvals.reject')} ${item.summary}`}
            >
              {t('studio.approvals.reject')}
            </Button>
          </Space>
        );
        return own ? (
          <Space direction="vertical" size={2}>
            <Tooltip title={t('studio.approvals.ownHint')}>{buttons}</Tooltip>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('studio.approvals.own')}
            </Typography.Text>
          </Space>
        ) : (
          buttons
        );
      },
    },
  ];

  return (
    <PageContainer title={t('studio.approvals.title')} subTitle={t('studio.approvals.subtitle')}>
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('studio.approvals.status')}
          value={status}
          onChange={(value) => setStatus(value as ChangeStatus)}
          options={(['pending', 'approved', 'rejected', 'superseded'] as const).map((value) => ({
            value,
            label: t(`studio.approvals.statuses.${value}`),
          }))}
        />
      </Space>
      {error ? <ProblemAlert problem={error} onRetry={() => void reload()} /> : null}
      <ProTable<ApprovalItem>
        rowKey="changeId"
        search={false}
        loading={loading}
        dataSource={data ?? []}
        columns={columns}
        options={{ reload: () => void reload(), density: false, setting: false }}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('studio.approvals.empty') }}
      />
      <Modal
        open={!!deciding}
        title={
          shownDecision
            ? t(`studio.approvals.${shownDecision.decision}Title`, { summary: shownDecision.item.summary })
            : undefined
        }
        onCancel={() => {
          setDeciding(undefined);
          setProblem(undefined);
        }}
        afterClose={releaseDecision}
        onOk={() => void decide()}
        okText={shownDecision ? t(`studio.approvals.${shownDecision.decision}`) : ''}
        okButtonProps={{ danger: shownDecision?.decision === 'reject' }}
        cancelText={t('studio.cancel')}
        confirmLoading={busy}
      >
        {shownDecision ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t('studio.approvals.requestedByLine', {
                name: actorName(shownDecision.item.requestedBy),
                date: format.date(shownDecision.item.effectiveFrom),
              })}
            </Typography.Text>
            {shownDecision.item.kind === 'policy' && !shownDecision.item.simulationId ? (
              <Alert type="warning" showIcon message={t('studio.approvals.noSimulation')} />
            ) : null}
            <label htmlFor="approval-note">{t('studio.approvals.note')}</label>
            <Input.TextArea
              id="approval-note"
              rows={3}
              maxLength={1000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            {problem ? (
              <ProblemAlert
                problem={problem}
                {...(problem.status === 403 && problem.issues.some((issue) => issue.rule === 'maker-checker')
                  ? { title: t('studio.approvals.makerChecker') }
                  : {})}
              />
            ) : null}
          </Space>
        ) : null}
      </Modal>
    </PageContainer>
  );
}

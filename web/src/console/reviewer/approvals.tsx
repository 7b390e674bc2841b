import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Input, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLocale } from '../i18n.ts';
import { SlaCountdown, useAction, useIsMe, useProductName, useTableRequest } from './common.tsx';
import type { Proposal, ReferralCase } from './types.ts';

/** A row of the inbox: an appeal's overturn or a referral's approval, each waiting for a second person. */
interface PendingRow {
  readonly kind: 'appeal' | 'referral';
  readonly id: string;
  readonly product: string;
  readonly customerId: string;
  readonly proposal: Proposal;
  readonly slaDueAt: string | null;
  readonly slaBreached: boolean;
}

/**
 * The approvals inbox (maker-checker): overturns of appeals and referral approvals above their maker's
 * authority. The maker's own rows have the approve button disabled, saying why; if the server still answers
 * 403 (the same person under another session), that refusal is said in the same plain words.
 */
export function ApprovalsInbox() {
  const { t, format, locale } = useLocale();
  const product = useProductName();
  const isMe = useIsMe();
  const table = useRef<ActionType>(undefined);
  const { run, busy } = useAction();
  const { problem, load } = useTableRequest();
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [rejecting, setRejecting] = useState<PendingRow | undefined>(undefined);
  const [rejectNote, setRejectNote] = useState('');
  const reload = () => table.current?.reload();
  const link = (row: PendingRow) =>
    row.kind === 'appeal' ? `/reviewer/appeals/${row.id}` : `/reviewer/referrals/${row.id}`;

  const approve = (row: PendingRow) =>
    run(
      () =>
        row.kind === 'appeal'
          ? unwrap(api.POST('/v1/appeals/{id}/approve', { params: { path: { id: row.id } } }))
          : unwrap(api.POST('/v1/referrals/{id}/approve', { params: { path: { id: row.id } } })),
      {
        success: t('reviewer.approvals.approved', { id: row.id }),
        reload,
        onProblem: (refused) => {
          if (refused.status !== 403) return false;
          setRefusal(`${t('reviewer.approvals.makerChecker')} ${refused.text?.[locale] ?? refused.detail}`);
          return true;
        },
      },
    );

  const reject = async () => {
    if (!rejecting || !rejectNote.trim()) return;
    const row = rejecting;
    const done = await run(
      () =>
        row.kind === 'appeal'
          ? unwrap(
              api.POST('/v1/appeals/{id}/reject', {
                params: { path: { id: row.id } },
                body: { note: rejectNote },
              }),
            )
          : unwrap(
              api.POST('/v1/referrals/{id}/reject', {
                params: { path: { id: row.id } },
                body: { note: rejectNote },
              }),
            ),
      { success: t('reviewer.approvals.rejected', { id: row.id }), reload },
    );
    if (done) {
      setRejecting(undefined);
      setRejectNote('');
    }
  };

  const columns: ProColumns<PendingRow>[] = [
    {
      title: 'ID',
      dataIndex: 'id',
      render: (_, row) => (
        <Space size={4}>
          <Tag>{row.kind === 'appeal' ? t('reviewer.queue.appeal') : t('reviewer.referrals.referral')}</Tag>
          <Link to={link(row)}>
            <code>{row.id}</code>
          </Link>
        </Space>
      ),
    },
    { title: t('reviewer.common.product'), dataIndex: 'product', render: (_, row) => product(row.product) },
    {
      title: t('reviewer.approvals.terms'),
      dataIndex: 'proposal',
      render: (_, row) => (
        <Typography.Text strong>
          {format.yuan(row.proposal.limit)} · {format.rate(row.proposal.apr)}
        </Typography.Text>
      ),
    },
    {
      title: t('reviewer.common.sla'),
      dataIndex: 'slaDueAt',
      render: (_, row) => <SlaCountdown dueAt={row.slaDueAt} breached={row.slaBreached} />,
    },
    {
      title: t('reviewer.approvals.maker'),
      dataIndex: 'maker',
      className: 'rv-wrap',
      render: (_, row) => (
        <span>
          {row.proposal.maker.name}
          {isMe(row.proposal.maker) ? (
            <>
              <Tag style={{ marginInlineStart: 6 }}>{t('reviewer.common.you')}</Tag>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reviewer.approvals.own')}
              </Typography.Text>
            </>
          ) : null}
        </span>
      ),
    },
    {
      title: t('reviewer.approvals.proposedAt'),
      dataIndex: 'proposedAt',
      render: (_, row) => format.dateTime(row.proposal.proposedAt),
    },
    {
      title: t('reviewer.approvals.note'),
      dataIndex: 'note',
      className: 'rv-wrap',
      width: 220,
      render: (_, row) => row.proposal.note || '—',
    },
    {
      title: '',
      valueType: 'option',
      fixed: 'right',
      render: (_, row) => {
        const own = isMe(row.proposal.maker);
        const approveButton = (
          <Button
            key="approve"
            type="primary"
            size="small"
            disabled={own || busy}
            aria-label={`${t('reviewer.approvals.approve')} ${row.id}`}
            onClick={() => void approve(row)}
          >
            {t('reviewer.approvals.approve')}
          </Button>
        );
        return [
          own ? (
            <Tooltip key="approve" title={t('reviewer.approvals.own')}>
              <span>{approveButton}</span>
            </Tooltip>
          ) : (
            approveButton
          ),
          <Button
            key="reject"
            size="small"
            disabled={busy}
            aria-label={`${t('reviewer.approvals.reject')} ${row.id}`}
            onClick={() => setRejecting(row)}
          >
            {t('reviewer.approvals.reject')}
          </Button>,
        ];
      },
    },
  ];

  return (
    <PageContainer
      title={<h1 className="rv-h1">{t('reviewer.approvals.title')}</h1>}
      subTitle={t('reviewer.approvals.subtitle')}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {refusal ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={refusal}
            closable
            onClose={() => setRefusal(undefined)}
          />
        ) : null}
        {problem ? <ProblemAlert problem={problem} onRetry={reload} /> : null}
        <ProTable<PendingRow>
          className="rv-table"
          rowKey={(row) => `${row.kind}:${row.id}`}
          actionRef={table}
          columns={columns}
          search={false}
          options={false}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: t('reviewer.approvals.empty') }}
          request={() =>
            load(async () => {
              const [appeals, referrals] = await Promise.all([
                unwrap(
                  api.GET('/v1/appeals', { params: { query: { status: 'pending_approval', limit: '500' } } }),
                ),
                unwrap(
                  api.GET('/v1/referrals', {
                    params: { query: { status: 'pending_approval', limit: '500' } },
                  }),
                ),
              ]);
              return [
                ...appeals.appeals
                  .filter((item) => item.proposal !== null)
                  .map((item) => ({
                    kind: 'appeal' as const,
                    id: item.appealId,
                    product: item.productCode,
                    customerId: item.customerId,
                    proposal: item.proposal as Proposal,
                    slaDueAt: item.slaDueAt,
                    slaBreached: item.slaBreached,
                  })),
                ...referrals.items
                  .filter((item: ReferralCase) => item.proposal !== null)
                  .map((item: ReferralCase) => ({
                    kind: 'referral' as const,
                    id: item.referralId,
                    product: item.product,
                    customerId: item.customerId,
                    proposal: item.proposal as Proposal,
                    slaDueAt: item.slaDueAt,
                    slaBreached: item.slaBreached,
                  })),
              ];
            })
          }
          toolBarRender={() => [
            <Button key="refresh" icon={<ReloadOutlined />} onClick={reload}>
              {t('reviewer.common.refresh')}
            </Button>,
          ]}
        />
      </Space>
      <Modal
        open={rejecting !== undefined}
        title={`${t('reviewer.approvals.reject')} ${rejecting?.id ?? ''}`}
        okText={t('reviewer.approvals.reject')}
        cancelText={t('reviewer.common.cancel')}
        okButtonProps={{ disabled: !rejectNote.trim(), loading: busy }}
        onOk={() => void reject()}
        onCancel={() => setRejecting(undefined)}
      >
        <label htmlFor="reject-note">{t('reviewer.approvals.rejectNote')}</label>
        <Input.TextArea
          id="reject-note"
          rows={3}
          value={rejectNote}
          maxLength={4000}
          onChange={(event) => setRejectNote(event.target.value)}
        />
      </Modal>
    </PageContainer>
  );
}

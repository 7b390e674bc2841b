import { ThunderboltOutlined } from '@ant-design/icons';
import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { Button, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api.ts';
import { QueueTable } from '../components/queue-table.tsx';
import { useLocale } from '../i18n.ts';
import {
  ClaimedBy,
  MineSwitch,
  SlaCountdown,
  StatusTag,
  useIsMe,
  useProductName,
  useQueueActions,
} from './common.tsx';
import { APPEAL_CATEGORIES, APPEAL_STATUSES, type AppealStatus, type QueueItem } from './types.ts';

const OPEN: readonly AppealStatus[] = ['queued', 'in_review', 'pending_approval'];

/** The appeals queue: highest priority first, with the SLA counting down and one reviewer per case. */
export function AppealsQueue() {
  const { t, format } = useLocale();
  const navigate = useNavigate();
  const product = useProductName();
  const isMe = useIsMe();
  const table = useRef<ActionType>(undefined);
  const reload = () => table.current?.reload();
  const { run, busy, message, runner, queueTexts } = useQueueActions(reload, t('reviewer.queue.empty'));
  const [statuses, setStatuses] = useState<AppealStatus[]>([...OPEN]);
  const [category, setCategory] = useState<string | undefined>(undefined);
  const [mine, setMine] = useState(false);

  const columns: ProColumns<QueueItem>[] = [
    {
      title: t('reviewer.common.priority'),
      dataIndex: 'priority',
      width: 80,
      align: 'right',
      render: (_, row) => <Typography.Text strong>{row.priority}</Typography.Text>,
    },
    {
      title: t('reviewer.queue.appeal'),
      dataIndex: 'appealId',
      render: (_, row) => (
        <Link to={`/reviewer/appeals/${row.appealId}`}>
          <code>{row.appealId}</code>
        </Link>
      ),
    },
    {
      title: t('reviewer.common.status'),
      dataIndex: 'status',
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      title: t('reviewer.common.category'),
      dataIndex: 'category',
      render: (_, row) => t(`reviewer.category.${row.category}`),
    },
    {
      title: t('reviewer.common.product'),
      dataIndex: 'productCode',
      render: (_, row) => product(row.productCode),
    },
    {
      title: t('reviewer.common.amountAtStake'),
      dataIndex: 'amountAtStake',
      align: 'right',
      render: (_, row) => format.yuan(row.amountAtStake),
    },
    {
      title: t('reviewer.common.sla'),
      dataIndex: 'slaDueAt',
      render: (_, row) => (
        <SlaCountdown
          dueAt={row.slaDueAt}
          breached={row.slaBreached}
          closed={row.status === 'resolved' || row.status === 'withdrawn'}
        />
      ),
    },
    {
      title: t('reviewer.queue.recheck'),
      dataIndex: 'recheckVerdict',
      render: (_, row) => (row.recheckVerdict ? t(`reviewer.verdict.${row.recheckVerdict}`) : '—'),
    },
    {
      title: t('reviewer.common.claimedBy'),
      dataIndex: 'assignee',
      render: (_, row) => <ClaimedBy actor={row.assignee} />,
    },
    {
      title: t('reviewer.common.filedAt'),
      dataIndex: 'filedAt',
      render: (_, row) => format.dateTime(row.filedAt),
    },
  ];

  const claimNext = async () => {
    const answer = await run(() => unwrap(api.POST('/v1/appeals/claim-next')), { reload });
    if (!answer) return;
    const appeal = answer.appeal as { appealId?: string } | null;
    if (appeal?.appealId) navigate(`/reviewer/appeals/${appeal.appealId}`);
    else void message.info(t('reviewer.queue.nothingNext'));
  };

  return (
    <QueueTable<QueueItem, { statuses: string; category?: string; mine: boolean }>
      title={t('reviewer.queue.title')}
      subTitle={t('reviewer.queue.subtitle')}
      className="rv-table"
      rowKey="appealId"
      tableRef={table}
      columns={columns}
      params={{ statuses: statuses.join(','), category, mine }}
      texts={queueTexts}
      run={runner}
      busy={busy}
      actionsOf={(row) => {
        const path = { params: { path: { id: row.appealId } } };
        return {
          id: row.appealId,
          href: `/reviewer/appeals/${row.appealId}`,
          claim: row.status === 'queued' ? () => unwrap(api.POST('/v1/appeals/{id}/claim', path)) : null,
          release:
            row.status === 'in_review' && isMe(row.assignee)
              ? () => unwrap(api.POST('/v1/appeals/{id}/release', path))
              : null,
          claimed: t('reviewer.queue.claimedNext', { id: row.appealId }),
        };
      }}
      rows={async (params) => {
        const data = await unwrap(
          api.GET('/v1/appeals', {
            params: {
              query: {
                ...(params.statuses ? { status: params.statuses } : {}),
                ...(params.category
                  ? { category: params.category as (typeof APPEAL_CATEGORIES)[number] }
                  : {}),
                ...(params.mine ? { assignee: 'me' } : {}),
                limit: '500',
              },
            },
          }),
        );
        return data.appeals;
      }}
      filters={
        <>
          <Select
            mode="multiple"
            aria-label={t('reviewer.queue.filterStatus')}
            placeholder={t('reviewer.queue.filterStatus')}
            style={{ minWidth: 260 }}
            value={statuses}
            onChange={(value) => setStatuses(value.length > 0 ? value : [...OPEN])}
            options={APPEAL_STATUSES.map((value) => ({ value, label: t(`reviewer.status.${value}`) }))}
          />
          <Select
            allowClear
            aria-label={t('reviewer.queue.filterCategory')}
            placeholder={t('reviewer.queue.allCategories')}
            style={{ minWidth: 160 }}
            value={category}
            onChange={(value) => setCategory(value)}
            options={APPEAL_CATEGORIES.map((value) => ({ value, label: t(`reviewer.category.${value}`) }))}
          />
          <MineSwitch id="appeals-mine" label={t('reviewer.queue.mine')} checked={mine} onChange={setMine} />
        </>
      }
      extra={
        <Button type="primary" icon={<ThunderboltOutlined />} loading={busy} onClick={() => void claimNext()}>
          {t('reviewer.queue.claimNext')}
        </Button>
      }
    />
  );
}

import { ThunderboltOutlined } from '@ant-design/icons';
import type { ActionType, ProColumns } from '@ant-design/pro-components';
import { App as AntApp, Button, Segmented, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ApiProblem } from '../../api/problem.ts';
import { api, unwrap } from '../api.ts';
import { QueueTable } from '../components/queue-table.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { BUCKETS, BucketTag, ClaimedBy, type Bucket, type CollectionCase } from './common.tsx';

type View = 'unclaimed' | 'mine' | 'all';
const VIEWS: readonly View[] = ['unclaimed', 'mine', 'all'];

/** The call queue: open cases by priority, filtered by bucket (unclaimed / mine / all); claim one, or the next. */
export function CollectionsQueue() {
  const { t, format, locale } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const table = useRef<ActionType>(undefined);
  const reload = () => table.current?.reload();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [bucket, setBucket] = useState<Bucket | undefined>(undefined);
  const [view, setView] = useState<View>('unclaimed');
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setProblem(undefined);
    } catch (caught) {
      const refused = asProblem(caught);
      setProblem(refused);
      void message.error(refused.text?.[locale] ?? refused.detail);
      reload();
    } finally {
      setBusy(false);
    }
  };

  const claimNext = () =>
    act(async () => {
      const answer = await unwrap(api.POST('/v1/collections/queue/claim-next'));
      if (answer.case) {
        void message.success(t('collections.queue.claimed', { id: answer.case.caseId }));
        navigate(`/collections/cases/${answer.case.caseId}`);
      } else void message.info(t('collections.queue.nothingNext'));
    });

  // A refused claim is said at the top and as a message, and the table reloaded (someone else may hold it).
  const runner = async (work: () => Promise<unknown>) => {
    let done = false;
    await act(async () => {
      await work();
      done = true;
    });
    return done;
  };

  const columns: ProColumns<CollectionCase>[] = [
    {
      title: t('collections.common.priority'),
      dataIndex: 'priority',
      width: 80,
      align: 'right',
      render: (_, row) => <Typography.Text strong>{row.priority}</Typography.Text>,
    },
    {
      title: t('collections.common.case'),
      dataIndex: 'caseId',
      render: (_, row) => (
        <Link to={`/collections/cases/${row.caseId}`}>
          <code>{row.caseId}</code>
        </Link>
      ),
    },
    {
      title: t('collections.common.bucket'),
      dataIndex: 'bucket',
      render: (_, row) => <BucketTag bucket={row.bucket} />,
    },
    {
      title: t('collections.common.product'),
      dataIndex: 'product',
      render: (_, row) => t(`collections.products.${row.product}`),
    },
    {
      title: t('collections.common.amountPastDue'),
      dataIndex: 'amountPastDue',
      align: 'right',
      render: (_, row) => format.yuan(row.amountPastDue),
    },
    {
      title: t('collections.common.daysPastDue'),
      dataIndex: 'daysPastDue',
      align: 'right',
      render: (_, row) => t('collections.common.daysValue', { count: row.daysPastDue }),
    },
    {
      title: t('collections.common.brokenPromises'),
      dataIndex: 'brokenPromises',
      align: 'right',
    },
    {
      title: t('collections.common.claimedBy'),
      dataIndex: 'claimedBy',
      render: (_, row) => <ClaimedBy row={row} />,
    },
  ];

  return (
    <QueueTable<CollectionCase, { bucket?: Bucket; view: View }>
      title={t('collections.queue.title')}
      subTitle={t('collections.queue.subtitle')}
      rowKey="caseId"
      tableRef={table}
      columns={columns}
      params={{ ...(bucket ? { bucket } : {}), view }}
      texts={{
        claim: t('collections.common.claim'),
        release: t('collections.common.release'),
        open: t('collections.common.open'),
        refresh: t('collections.common.refresh'),
        empty: t('collections.queue.empty'),
      }}
      run={runner}
      busy={busy}
      problem={problem}
      actionsOf={(row) => ({
        id: row.caseId,
        href: `/collections/cases/${row.caseId}`,
        claim:
          row.claimedBy === null || view === 'unclaimed'
            ? () =>
                unwrap(api.POST('/v1/collections/cases/{id}/claim', { params: { path: { id: row.caseId } } }))
            : null,
        release: null,
      })}
      rows={async (params) => {
        const data = await unwrap(
          api.GET('/v1/collections/queue', {
            params: { query: { view: params.view, ...(params.bucket ? { bucket: params.bucket } : {}) } },
          }),
        );
        return data.items;
      }}
      filters={
        <>
          <Segmented
            aria-label={t('collections.queue.view')}
            value={view}
            onChange={(value) => setView(value as View)}
            options={VIEWS.map((value) => ({ value, label: t(`collections.queue.views.${value}`) }))}
          />
          <Select
            allowClear
            aria-label={t('collections.queue.filterBucket')}
            placeholder={t('collections.queue.allBuckets')}
            style={{ minWidth: 160 }}
            value={bucket}
            onChange={(value) => setBucket(value)}
            options={BUCKETS.map((value) => ({ value, label: value }))}
          />
        </>
      }
      extra={
        <Button type="primary" icon={<ThunderboltOutlined />} loading={busy} onClick={() => void claimNext()}>
          {t('collections.queue.claimNext')}
        </Button>
      }
    />
  );
}

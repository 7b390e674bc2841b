import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Space, Spin, Typography } from 'antd';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useLoad } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import type { HardshipRequest } from './common.tsx';
import { HardshipRequestsTable } from './requests-table.tsx';

/**
 * "Waiting for approval": every loan's and credit line's hardship requests above the threshold, the
 * longest-waiting first, for
 * the second person (a reviewer other than the maker) to approve or reject, and for their makers to withdraw.
 * (No link from an account to its collections case yet: no API looks a case up by its account.)
 */
export function HardshipWaitingPage() {
  const { t, format } = useLocale();
  // Both products' inboxes as one list, the longest-waiting first.
  const pending = useLoad(async () => {
    const query = { params: { query: { status: 'pending' as const } } };
    const [loans, lines] = await Promise.all([
      unwrap(api.GET('/v1/hardship-requests', query)),
      unwrap(api.GET('/v1/line-hardship-requests', query)),
    ]);
    const requests: HardshipRequest[] = [...loans.requests, ...lines.requests];
    return { requests: requests.sort((a, b) => a.proposedAt.localeCompare(b.proposedAt)) };
  }, []);
  const rules = useLoad(() => unwrap(api.GET('/v1/loan-hardship-rules')), []);
  return (
    <PageContainer
      title={<h1 className="rv-h1">{t('hardship.waiting.title')}</h1>}
      subTitle={t('hardship.waiting.subtitle')}
      extra={[
        <Button key="refresh" icon={<ReloadOutlined />} onClick={() => void pending.reload()}>
          {t('hardship.waiting.refresh')}
        </Button>,
      ]}
    >
      <Card>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {rules.data ? (
            <Typography.Text type="secondary">
              {t('hardship.waiting.threshold', { amount: format.yuan(rules.data.inForce.secondPersonAbove) })}
            </Typography.Text>
          ) : null}
          {pending.error ? (
            <ProblemAlert problem={pending.error} onRetry={() => void pending.reload()} />
          ) : null}
          {pending.loading && !pending.data ? (
            <div role="status" style={{ textAlign: 'center' }}>
              <Spin />
            </div>
          ) : (
            <HardshipRequestsTable
              requests={pending.data?.requests ?? []}
              showAccount
              emptyText={t('hardship.waiting.empty')}
              onDecided={() => pending.reload()}
            />
          )}
        </Space>
      </Card>
    </PageContainer>
  );
}

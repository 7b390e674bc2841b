import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from './api.ts';
import { ProblemAlert } from './components/problem-alert.tsx';
import { useLoad } from './components/use-load.ts';
import { useLocale } from './i18n.ts';
import { useSession } from './session.tsx';

interface Waiting {
  readonly appeals?: { open: number; overdue: number; awaitingApproval: number };
  readonly referrals?: { open: number | string; overdue: number };
  readonly approvals?: { pending: number };
}

/** Counts from the server's own queues, read when the home page opens (nothing cached or guessed). */
async function loadWaiting(reviewer: boolean, analyst: boolean, now: number): Promise<Waiting> {
  const overdue = (items: readonly { slaDueAt?: string | null }[]) =>
    items.filter((item) => item.slaDueAt && Date.parse(item.slaDueAt) < now).length;
  const [appeals, referrals, approvals] = await Promise.all([
    reviewer ? unwrap(api.GET('/v1/appeals', { params: { query: { limit: '1000' } } })) : undefined,
    reviewer ? unwrap(api.GET('/v1/referrals', { params: { query: { limit: '200' } } })) : undefined,
    analyst
      ? unwrap(api.GET('/v1/approvals', { params: { query: { status: 'pending', limit: '500' } } }))
      : undefined,
  ]);
  const appealItems = (appeals?.appeals ?? []) as readonly { slaDueAt?: string | null; status?: string }[];
  return {
    ...(appeals
      ? {
          appeals: {
            open: appealItems.length,
            overdue: overdue(appealItems),
            awaitingApproval: appealItems.filter((item) => item.status === 'pending_approval').length,
          },
        }
      : {}),
    ...(referrals
      ? {
          referrals: {
            // One page of 200 is enough to count a queue a person works; beyond it, say "200+".
            open: referrals.next ? `${referrals.items.length}+` : referrals.items.length,
            overdue: overdue(referrals.items),
          },
        }
      : {}),
    ...(approvals ? { approvals: { pending: approvals.items.length } } : {}),
  };
}

/** The work waiting for the signed-in person: open cases, those past their SLA, changes to approve. */
export function WorkSummary() {
  const { t } = useLocale();
  const { allows } = useSession();
  const reviewer = allows(['reviewer']);
  const analyst = allows(['analyst']);
  const { data, error, reload } = useLoad(
    () => loadWaiting(reviewer, analyst, Date.now()),
    [reviewer, analyst],
  );
  if (!reviewer && !analyst) return null;
  if (error) return <ProblemAlert problem={error} onRetry={() => void reload()} />;
  const tiles: {
    key: string;
    title: string;
    value: number | string | undefined;
    danger?: boolean;
    path: string;
  }[] = [];
  if (reviewer) {
    tiles.push(
      {
        key: 'appeals',
        title: t('home.waiting.appeals'),
        value: data?.appeals?.open,
        path: '/reviewer/appeals',
      },
      {
        key: 'appealsOverdue',
        title: t('home.waiting.appealsOverdue'),
        value: data?.appeals?.overdue,
        danger: (data?.appeals?.overdue ?? 0) > 0,
        path: '/reviewer/appeals',
      },
      {
        key: 'referrals',
        title: t('home.waiting.referrals'),
        value: data?.referrals?.open,
        danger: (data?.referrals?.overdue ?? 0) > 0,
        path: '/reviewer/referrals',
      },
      {
        key: 'overturns',
        title: t('home.waiting.overturns'),
        value: data?.appeals?.awaitingApproval,
        path: '/reviewer/approvals',
      },
    );
  }
  if (analyst)
    tiles.push({
      key: 'changes',
      title: t('home.waiting.changes'),
      value: data?.approvals?.pending,
      path: '/studio/approvals',
    });
  return (
    <section aria-labelledby="work-waiting" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="work-waiting" style={{ fontSize: 18 }}>
        {t('home.waiting.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => (
          <Col key={tile.key} xs={12} md={6} xl={Math.max(4, Math.floor(24 / tiles.length))}>
            <Link to={tile.path} style={{ display: 'block' }}>
              <Card hoverable>
                <Statistic
                  title={tile.title}
                  value={tile.value ?? '–'}
                  loading={data === undefined}
                  valueStyle={tile.danger ? { color: '#a8071a' } : undefined}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}

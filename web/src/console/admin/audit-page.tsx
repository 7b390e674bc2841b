import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  LeftOutlined,
  RightOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ApiProblem } from '../../api/problem.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { PageTitle } from './page-title.tsx';
import { ToneTag } from './tone-tag.tsx';
import type { AuditItemView } from './types.ts';

/** Entries per page (the server allows 1..500). */
const PAGE_SIZE = 50;

/** Actions the viewer names in words; any other action is shown as its code. Prefixes filter a kind. */
export const KNOWN_ACTIONS = [
  'staff.sign-in',
  'staff.sign-out',
  'staff.csrf',
  'staff-user.create',
  'staff-user.disable',
  'staff-user.enable',
  'staff-user.password',
  'api-key.create',
  'api-key.revoke',
  'policy.submit',
  'policy.approve',
  'policy.reject',
  'policy.bootstrap',
  'model.submit',
  'model.approve',
  'model.reject',
  'settings.submit',
  'settings.approve',
  'settings.reject',
  'settings.bootstrap',
  'referral.claim',
  'referral.release',
  'referral.rerun',
  'referral.approve',
  'referral.decide',
] as const;
const ACTION_PREFIXES = [
  'staff.*',
  'staff-user.*',
  'api-key.*',
  'policy.*',
  'model.*',
  'settings.*',
  'referral.*',
];
const ACTION_SUGGESTIONS = 'audit-action-suggestions';
const KNOWN_SUBJECTS = ['staff-user', 'staff-session', 'api-key', 'change', 'policy', 'referral', 'appeal'];

const OUTCOME = {
  ok: { tone: 'good', icon: <CheckCircleOutlined /> },
  refused: { tone: 'warn', icon: <StopOutlined /> },
  failed: { tone: 'bad', icon: <CloseCircleOutlined /> },
} as const;

interface Filters {
  readonly action?: string;
  readonly actor?: string;
  readonly from?: string;
  readonly to?: string;
}

/** A detail's value as text: strings as they are, anything else as compact JSON. */
function detailText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The audit log, newest first: filters by action (exact or `kind.*`), actor (name or id) and time; each entry's
 * details open under its row. Keyset paging: "Older" asks for the entries before the last one shown (the
 * server's `next`), "Newer" goes back a page — no page numbers to drift while new entries arrive.
 */
export function AuditPage() {
  const { t, format, locale } = useLocale();
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  /** The `before` of each page visited, first page first (undefined: the newest entries). */
  const [pages, setPages] = useState<readonly (string | undefined)[]>([undefined]);
  const [next, setNext] = useState<string | null>(null);
  const before = pages[pages.length - 1];

  /** The action in words when the viewer knows it; otherwise only its code is shown. */
  const actionLabel = (action: string) =>
    (KNOWN_ACTIONS as readonly string[]).includes(action)
      ? t(`admin.audit.actions.${action.replace('.', '_')}`)
      : undefined;
  const subjectLabel = (type: string) =>
    KNOWN_SUBJECTS.includes(type) ? t(`admin.audit.subjects.${type}`) : type;

  const columns: ProColumns<AuditItemView>[] = [
    {
      title: t('admin.audit.at'),
      dataIndex: 'at',
      search: false,
      width: locale === 'en' ? 170 : 190,
      render: (_, item) => <time dateTime={item.at}>{format.dateTime(item.at)}</time>,
    },
    {
      title: t('admin.audit.range'),
      dataIndex: 'range',
      valueType: 'dateTimeRange',
      hideInTable: true,
      search: {
        transform: (value: [Dayjs | string, Dayjs | string] | undefined) => {
          if (!value) return {};
          const [from, to] = value.map((end) =>
            typeof end === 'string' ? new Date(end).toISOString() : end.toISOString(),
          );
          return { from, to };
        },
      },
    },
    {
      title: t('admin.audit.actor'),
      dataIndex: 'actor',
      fieldProps: { placeholder: t('admin.audit.actorHelp') },
      render: (_, item) => (
        <Space size={4} wrap>
          <Typography.Text strong>{item.actor.name}</Typography.Text>
          <Tag>{t(`admin.audit.actorKinds.${item.actor.kind}`, { defaultValue: item.actor.kind })}</Tag>
        </Space>
      ),
    },
    {
      title: t('admin.audit.action'),
      dataIndex: 'action',
      // A plain input (the value binds like any search field) with the known actions and kinds as suggestions.
      fieldProps: { placeholder: t('admin.audit.actionHelp'), list: ACTION_SUGGESTIONS },
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          {actionLabel(item.action) ? <span>{actionLabel(item.action)}</span> : null}
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {item.action}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('admin.audit.subject'),
      dataIndex: 'subject',
      search: false,
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          <span>{subjectLabel(item.subject.type)}</span>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {item.subject.id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('admin.audit.outcome'),
      dataIndex: 'outcome',
      search: false,
      render: (_, item) => {
        const look = OUTCOME[item.outcome];
        return (
          <ToneTag tone={look.tone} icon={look.icon}>
            {t(`admin.audit.outcomes.${item.outcome}`)}
          </ToneTag>
        );
      },
    },
  ];

  return (
    <PageContainer title={<PageTitle>{t('admin.audit.title')}</PageTitle>} content={t('admin.audit.intro')}>
      <datalist id={ACTION_SUGGESTIONS}>
        {[...KNOWN_ACTIONS, ...ACTION_PREFIXES].map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      {problem ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert problem={problem} />
        </div>
      ) : null}
      <ProTable<AuditItemView, Filters & { before?: string }>
        rowKey="id"
        columns={columns}
        params={{ before }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        dateFormatter={(value) => value.toISOString()}
        options={{ reload: true, density: false, setting: false }}
        pagination={false}
        locale={{ emptyText: t('admin.audit.empty') }}
        onSubmit={() => setPages([undefined])}
        onReset={() => setPages([undefined])}
        request={async (params) => {
          setProblem(undefined);
          const query = {
            limit: String(PAGE_SIZE),
            ...(params.action?.trim() ? { action: params.action.trim() } : {}),
            ...(params.actor?.trim() ? { actor: params.actor.trim() } : {}),
            ...(params.from ? { from: params.from } : {}),
            ...(params.to ? { to: params.to } : {}),
            ...(params.before ? { before: params.before } : {}),
          };
          const answer = await unwrap(api.GET('/v1/audit', { params: { query } }));
          setNext(answer.next);
          return { data: [...answer.items], success: true };
        }}
        onRequestError={(error) => {
          setNext(null);
          setProblem(asProblem(error));
        }}
        expandable={{
          expandedRowRender: (item) => (
            <Descriptions
              size="small"
              column={1}
              bordered
              title={t('admin.audit.details')}
              items={[
                { key: 'id', label: 'id', children: <Typography.Text code>{item.id}</Typography.Text> },
                {
                  key: 'actor',
                  label: t('admin.audit.actor'),
                  children: <Typography.Text code>{item.actor.id}</Typography.Text>,
                },
                ...Object.entries(item.details).map(([key, value]) => ({
                  key: `details.${key}`,
                  label: key,
                  children: (
                    <Typography.Text style={{ wordBreak: 'break-all' }}>{detailText(value)}</Typography.Text>
                  ),
                })),
              ]}
              extra={
                Object.keys(item.details).length === 0 ? (
                  <Typography.Text type="secondary">{t('admin.audit.noDetails')}</Typography.Text>
                ) : undefined
              }
            />
          ),
        }}
        footer={() => (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button
              icon={<LeftOutlined />}
              disabled={pages.length === 1}
              onClick={() => setPages((visited) => visited.slice(0, -1))}
            >
              {t('admin.audit.newer')}
            </Button>
            <Typography.Text aria-live="polite">
              {t('admin.audit.page', { page: pages.length })}
            </Typography.Text>
            <Button
              disabled={next === null}
              onClick={() => next && setPages((visited) => [...visited, next])}
            >
              {t('admin.audit.older')} <RightOutlined />
            </Button>
          </Space>
        )}
      />
    </PageContainer>
  );
}

import { ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Space } from 'antd';
import { useState, type ReactNode, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ApiProblem } from '../../api/problem.ts';
import { ProblemAlert } from './problem-alert.tsx';
import { asProblem } from './use-load.ts';

/** A queue row's claim and release (each null when the row does not offer it) and where its case page is. */
export interface QueueRowActions {
  readonly id: string;
  readonly href: string;
  readonly claim: (() => Promise<unknown>) | null;
  readonly release: (() => Promise<unknown>) | null;
  /** Said once the claim succeeded (nothing if absent). */
  readonly claimed?: string;
}

/** The words a queue's shared parts need, from its area's catalogue (areas load their texts themselves). */
export interface QueueTexts {
  readonly claim: string;
  readonly release: string;
  readonly open: string;
  readonly refresh: string;
  readonly empty: string;
}

/**
 * How an area runs an action (claim, release): its own way of saying a refusal (a modal for a stale claim,
 * an alert at the top…). Answers whether the action went through.
 */
export type QueueRunner = (work: () => Promise<unknown>, success?: string) => Promise<boolean>;

export interface QueueTableProps<Row extends object, Params extends Record<string, unknown>> {
  readonly title: string;
  readonly subTitle: string;
  /** The table's class (the areas' dense-table styles). */
  readonly className?: string;
  readonly rowKey: keyof Row & string;
  /** The columns; the actions column (claim, release, open) is added last by the table. */
  readonly columns: ProColumns<Row>[];
  /** The filters in force: a change reloads the rows. */
  readonly params: Params;
  /** The rows for these filters (all of them: the table pages them, 20 a page). */
  readonly rows: (params: Params) => Promise<Row[]>;
  readonly actionsOf: (row: Row) => QueueRowActions;
  readonly run: QueueRunner;
  readonly busy: boolean;
  /** The filter controls, left of Refresh. */
  readonly filters: ReactNode;
  /** More toolbar buttons after Refresh (e.g. "claim next"). */
  readonly extra?: ReactNode;
  readonly texts: QueueTexts;
  /** Set by the table: `reload()` after an action elsewhere on the page. */
  readonly tableRef: RefObject<ActionType | undefined>;
  /** An action's refusal the page wants shown above the table (a failed load is shown by the table). */
  readonly problem?: ApiProblem | undefined;
}

/**
 * One work queue, the same in every area (appeals, referrals, collections): a titled page, the rows by the
 * area's filters with a Refresh, each row's claim (then its case opens) / release / open, an empty state in
 * words, and a refusal to load or act shown above the table with a retry.
 */
export function QueueTable<Row extends object, Params extends Record<string, unknown>>(
  props: QueueTableProps<Row, Params>,
) {
  const { texts, run, busy, tableRef } = props;
  const navigate = useNavigate();
  const [loadProblem, setLoadProblem] = useState<ApiProblem | undefined>(undefined);
  const reload = () => void tableRef.current?.reload();
  const problem = props.problem ?? loadProblem;

  const actions: ProColumns<Row> = {
    title: '',
    valueType: 'option',
    fixed: 'right',
    render: (_, row) => {
      const { id, href, claim, release, claimed } = props.actionsOf(row);
      return [
        claim ? (
          <Button
            key="claim"
            size="small"
            type="primary"
            disabled={busy}
            aria-label={`${texts.claim} ${id}`}
            onClick={() =>
              void run(claim, claimed).then((done) => {
                if (done) navigate(href);
              })
            }
          >
            {texts.claim}
          </Button>
        ) : null,
        release ? (
          <Button
            key="release"
            size="small"
            disabled={busy}
            aria-label={`${texts.release} ${id}`}
            onClick={() => void run(release)}
          >
            {texts.release}
          </Button>
        ) : null,
        <Link key="open" to={href} aria-label={`${texts.open} ${id}`}>
          {texts.open}
        </Link>,
      ];
    },
  };

  return (
    <PageContainer title={<h1 className="rv-h1">{props.title}</h1>} subTitle={props.subTitle}>
      {problem ? <ProblemAlert problem={problem} onRetry={reload} /> : null}
      <ProTable<Row, Params>
        {...(props.className ? { className: props.className } : {})}
        rowKey={props.rowKey}
        actionRef={tableRef}
        columns={[...props.columns, actions]}
        search={false}
        options={false}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        params={props.params}
        locale={{ emptyText: texts.empty }}
        request={async (params) => {
          try {
            const data = await props.rows(params as unknown as Params);
            setLoadProblem(undefined);
            return { data, success: true, total: data.length };
          } catch (caught) {
            setLoadProblem(asProblem(caught));
            return { data: [] as Row[], success: false };
          }
        }}
        toolBarRender={() => [
          <Space key="filters" wrap>
            {props.filters}
          </Space>,
          <Button key="refresh" icon={<ReloadOutlined />} onClick={reload}>
            {texts.refresh}
          </Button>,
          ...(props.extra ? [<span key="extra">{props.extra}</span>] : []),
        ]}
      />
    </PageContainer>
  );
}

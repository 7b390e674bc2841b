import { App as AntApp, Button, Input, Modal, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ApiProblem } from '../../api/problem.ts';
import { api, unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useHeld } from '../components/use-held.ts';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { useStaff } from '../session.tsx';
import {
  accountOf,
  AskText,
  HardshipStatusTag,
  productOf,
  ReasonsText,
  useIsMaker,
  type HardshipRequest,
} from './common.tsx';

/** Approve a pending request on its product's path (a line's request is under its line). */
function approveRequest(request: HardshipRequest) {
  return 'lineId' in request
    ? unwrap(
        api.POST('/v1/lines/{lineId}/hardship-requests/{requestId}/approve', {
          params: { path: { lineId: request.lineId, requestId: request.id } },
        }),
      )
    : unwrap(
        api.POST('/v1/hardship-requests/{requestId}/approve', {
          params: { path: { requestId: request.id } },
        }),
      );
}

/** Reject (or, by its maker, withdraw) a pending request on its product's path, with the note on record. */
function rejectRequest(request: HardshipRequest, note: string) {
  return 'lineId' in request
    ? unwrap(
        api.POST('/v1/lines/{lineId}/hardship-requests/{requestId}/reject', {
          params: { path: { lineId: request.lineId, requestId: request.id } },
          body: { note },
        }),
      )
    : unwrap(
        api.POST('/v1/hardship-requests/{requestId}/reject', {
          params: { path: { requestId: request.id } },
          body: { note },
        }),
      );
}

/**
 * Hardship requests (a loan's, a line's, or both) as a table, with the second person's actions on a pending one: approve (reviewers and
 * admins, never the maker — the button says why; the server refuses too), reject, or withdraw by the maker
 * (collectors and reviewers), with a note kept on record. A refusal is shown above the table in the
 * server's words; `onDecided` reloads the caller's figures.
 */
export function HardshipRequestsTable({
  requests,
  showAccount = false,
  emptyText,
  onDecided,
}: {
  requests: readonly HardshipRequest[];
  /** A column naming the account (a loan or a line): for the list of every account's requests. */
  showAccount?: boolean;
  emptyText: string;
  onDecided: () => unknown;
}) {
  const { t, format, locale } = useLocale();
  const { message } = AntApp.useApp();
  const staff = useStaff();
  const isMaker = useIsMaker();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [rejecting, setRejecting] = useState<HardshipRequest | undefined>(undefined);
  const [note, setNote] = useState('');
  const canApprove = staff.role === 'reviewer' || staff.role === 'admin';

  const act = async (work: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      setProblem(undefined);
      void message.success(success);
      return true;
    } catch (caught) {
      const refused = asProblem(caught);
      setProblem(refused);
      void message.error(refused.text?.[locale] ?? refused.detail);
      return false;
    } finally {
      setBusy(false);
      await onDecided();
    }
  };
  const approve = (request: HardshipRequest) =>
    act(() => approveRequest(request), t('hardship.requests.approved'));
  const reject = async () => {
    if (!rejecting || !note.trim()) return;
    const request = rejecting;
    const done = await act(
      () => rejectRequest(request, note.trim()),
      t(isMaker(request) ? 'hardship.requests.withdrawn' : 'hardship.requests.rejected', {
        account: t(`hardship.subjects.${productOf(request)}`),
      }),
    );
    if (done) {
      setRejecting(undefined);
      setNote('');
    }
  };
  // The dialog keeps its title through its closing animation (an untitled dialog fails axe's aria-dialog-name).
  const { held: shown, release } = useHeld(rejecting);
  const rejectTitle = shown
    ? t(isMaker(shown) ? 'hardship.requests.withdrawTitle' : 'hardship.requests.rejectTitle', {
        id: shown.id,
      })
    : '';

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <Table<HardshipRequest>
        className="hs-requests"
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...requests]}
        locale={{ emptyText }}
        columns={[
          ...(showAccount
            ? [
                {
                  title: t('hardship.requests.account'),
                  key: 'account',
                  render: (_: unknown, row: HardshipRequest) => (
                    <span>
                      {t(`hardship.subjects.${productOf(row)}`)}
                      <br />
                      <code>{accountOf(row)}</code>
                    </span>
                  ),
                },
              ]
            : []),
          {
            title: t('hardship.requests.ask'),
            dataIndex: 'ask',
            render: (_: unknown, row) => <AskText request={row} />,
          },
          {
            title: t('hardship.requests.effect'),
            dataIndex: 'moneyEffect',
            align: 'right',
            render: (value: string) => format.yuan(value),
          },
          {
            title: t('hardship.requests.status'),
            dataIndex: 'status',
            render: (_: unknown, row) => <HardshipStatusTag status={row.status} />,
          },
          {
            title: t('hardship.requests.reasons'),
            dataIndex: 'reasons',
            // Notes are sentences: the column wraps them, so who asked and the actions stay in view.
            width: 280,
            render: (_: unknown, row) => <ReasonsText reasons={row.reasons} />,
          },
          {
            title: t('hardship.requests.maker'),
            dataIndex: 'maker',
            render: (_: unknown, row) => (
              <span>
                {row.maker.name}
                <br />
                <Typography.Text type="secondary">{format.dateTime(row.proposedAt)}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('hardship.requests.checker'),
            dataIndex: 'checker',
            render: (_: unknown, row) =>
              row.checker ? (
                <span>
                  {row.checker.name}
                  {row.decidedAt ? (
                    <>
                      <br />
                      <Typography.Text type="secondary">{format.dateTime(row.decidedAt)}</Typography.Text>
                    </>
                  ) : null}
                  {row.decisionNote ? (
                    <>
                      <br />
                      <Typography.Text type="secondary">{row.decisionNote}</Typography.Text>
                    </>
                  ) : null}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, row) => {
              if (row.status !== 'pending') return null;
              const mine = isMaker(row);
              const why = mine
                ? t('hardship.requests.makerCannot')
                : !canApprove
                  ? t('hardship.requests.reviewerOnly')
                  : undefined;
              return (
                <Space size={4}>
                  <Tooltip title={why}>
                    <Button
                      size="small"
                      type="primary"
                      disabled={busy || why !== undefined}
                      aria-label={`${t('hardship.requests.approve')} ${row.id}`}
                      onClick={() => void approve(row)}
                    >
                      {t('hardship.requests.approve')}
                    </Button>
                  </Tooltip>
                  <Button
                    size="small"
                    danger
                    disabled={busy}
                    aria-label={`${t(mine ? 'hardship.requests.withdraw' : 'hardship.requests.reject')} ${row.id}`}
                    onClick={() => {
                      setNote('');
                      setRejecting(row);
                    }}
                  >
                    {t(mine ? 'hardship.requests.withdraw' : 'hardship.requests.reject')}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      <Modal
        open={rejecting !== undefined}
        title={rejectTitle}
        okText={t('hardship.requests.rejectOk')}
        okButtonProps={{ danger: true, disabled: !note.trim(), loading: busy }}
        onOk={() => void reject()}
        onCancel={() => setRejecting(undefined)}
        afterClose={release}
      >
        <label htmlFor="hardship-reject-note">{t('hardship.requests.rejectNote')}</label>
        <Input.TextArea
          id="hardship-reject-note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Modal>
    </Space>
  );
}

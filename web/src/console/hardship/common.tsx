import { Space, Table, Tag, Typography } from 'antd';
import type { paths } from '../../api/schema';
import { fenToYuan, yuanToFen } from '../../format/format.ts';
import { useLocale } from '../i18n.ts';
import { useStaff } from '../session.tsx';
import './texts.ts';

export type HardshipRequest =
  paths['/v1/hardship-requests/{requestId}']['get']['responses'][200]['content']['application/json']['request'];
export type HardshipPreview =
  paths['/v1/loans/{loanId}/hardship-requests/preview']['post']['responses'][200]['content']['application/json'];
export type HardshipBody =
  paths['/v1/loans/{loanId}/hardship-requests']['post']['requestBody']['content']['application/json'];
export type HardshipTool = HardshipBody['tool'];
export type ReasonCode = HardshipBody['reasons'][number]['code'];
export type Instalment = HardshipPreview['instalmentsAfter'][number];

export const TOOLS: readonly HardshipTool[] = ['waiver', 'reschedule', 'holiday', 're-age', 'settlement'];
export const REASON_CODES: readonly ReasonCode[] = [
  'income-loss',
  'unemployment',
  'illness-or-injury',
  'bereavement',
  'natural-disaster',
  'complaint-resolution',
  'other',
];

const STATUS_COLOURS: Record<HardshipRequest['status'], string> = {
  pending: 'purple',
  applied: 'green',
  rejected: 'default',
};

export function HardshipStatusTag({ status }: { status: HardshipRequest['status'] }) {
  const { t } = useLocale();
  return <Tag color={STATUS_COLOURS[status]}>{t(`hardship.requests.statuses.${status}`)}</Tag>;
}

/** Whether the signed-in person made the request (a staff principal's key id is `staff:<userId>`). */
export function useIsMaker(): (request: HardshipRequest) => boolean {
  const staff = useStaff();
  return (request) => request.maker.keyId === `staff:${staff.id}` || request.maker.name === staff.username;
}

/** What was asked, in words with its figures: "waive interest 150.00, penalty 11.59". */
export function AskText({ ask }: { ask: HardshipRequest['ask'] }) {
  const { t, format } = useLocale();
  const parts: string[] = [];
  if (ask.instalments !== null) parts.push(t('hardship.requests.askInstalments', { count: ask.instalments }));
  if (ask.maxInstalment !== null)
    parts.push(t('hardship.requests.askMax', { amount: format.yuan(ask.maxInstalment) }));
  if (ask.interest !== null && yuanToFen(ask.interest) > 0n)
    parts.push(t('hardship.requests.askInterest', { amount: format.yuan(ask.interest) }));
  if (ask.penalty !== null && yuanToFen(ask.penalty) > 0n)
    parts.push(t('hardship.requests.askPenalty', { amount: format.yuan(ask.penalty) }));
  if (ask.amount !== null) parts.push(t('hardship.requests.askAmount', { amount: format.yuan(ask.amount) }));
  return (
    <span>
      <Typography.Text strong>{t(`hardship.tools.${ask.tool}`)}</Typography.Text>
      {parts.length > 0 ? ` · ${parts.join(', ')}` : ''}
    </span>
  );
}

/** A schedule's figures for a person: still to pay (sum owed, in fen), next instalment, how many left, last. */
export function scheduleFigures(rows: readonly Instalment[]) {
  const open = rows.filter((row) => row.status !== 'paid' && row.status !== 'written-off');
  const stillToPay = open.reduce((sum, row) => sum + yuanToFen(row.owed), 0n);
  const next = open[0];
  const last = open[open.length - 1];
  return { stillToPay: fenToYuan(stillToPay), next, left: open.length, last };
}

/** A schedule as a compact table (period, due date, status, principal, interest, penalty, owed). */
export function ScheduleTable({ rows, caption }: { rows: readonly Instalment[]; caption: string }) {
  const { t, format } = useLocale();
  return (
    <Table<Instalment>
      size="small"
      rowKey="period"
      pagination={false}
      dataSource={[...rows]}
      scroll={{ y: 260 }}
      title={() => <Typography.Text strong>{caption}</Typography.Text>}
      columns={[
        { title: t('hardship.schedule.period'), dataIndex: 'period', width: 64, align: 'right' },
        {
          title: t('hardship.schedule.dueDate'),
          dataIndex: 'dueDate',
          render: (value: string) => format.date(value),
        },
        {
          title: t('hardship.schedule.status'),
          dataIndex: 'status',
          render: (value: string) => t(`hardship.schedule.statuses.${value}`, { defaultValue: value }),
        },
        ...(['principal', 'interest', 'penalty', 'owed'] as const).map((key) => ({
          title: t(`hardship.schedule.${key}`),
          dataIndex: key,
          align: 'right' as const,
          render: (value: string) => format.yuan(value),
        })),
      ]}
    />
  );
}

/** The reasons of a request: code in words, and the note. */
export function ReasonsText({ reasons }: { reasons: HardshipRequest['reasons'] }) {
  const { t } = useLocale();
  return (
    <Space direction="vertical" size={0}>
      {reasons.map((reason, index) => (
        <span key={index}>
          {t(`hardship.reasonCodes.${reason.code}`, { defaultValue: reason.code })}: {reason.note}
        </span>
      ))}
    </Space>
  );
}

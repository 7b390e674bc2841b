import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { ApiProblem } from '../../api/problem.ts';
import type { paths } from '../../api/schema';
import { fenToYuan, yuanToFen } from '../../format/format.ts';
import { useLocale } from '../i18n.ts';
import { useStaff } from '../session.tsx';
import './texts.ts';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type LoanHardshipRequest = Json<
  paths['/v1/hardship-requests/{requestId}']['get']['responses'][200]
>['request'];
export type LineHardshipRequest = Json<
  paths['/v1/lines/{lineId}/hardship-requests']['get']['responses'][200]
>['requests'][number];
/** A request on either product: a loan's has `loanId`, a line's `lineId` (`productOf`). */
export type HardshipRequest = LoanHardshipRequest | LineHardshipRequest;
export type HardshipPreview = Json<
  paths['/v1/loans/{loanId}/hardship-requests/preview']['post']['responses'][200]
>;
export type LineHardshipPreview = Json<
  paths['/v1/lines/{lineId}/hardship-requests/preview']['post']['responses'][200]
>;
export type HardshipBody = Json<paths['/v1/loans/{loanId}/hardship-requests']['post']['requestBody']>;
export type LineHardshipBody = Json<paths['/v1/lines/{lineId}/hardship-requests']['post']['requestBody']>;
export type HardshipTool = HardshipBody['tool'];
export type LineHardshipTool = LineHardshipBody['tool'];
export type ReasonCode = HardshipBody['reasons'][number]['code'];
export type Instalment = HardshipPreview['instalmentsAfter'][number];
/** A line's figures before or after a change: by kind, what settles it, the minimum left, days past due. */
export type LineFigures = LineHardshipPreview['after'];

/** The products with hardship tools: a cash loan (its schedule) and a credit line (its figures by kind). */
export type HardshipProductKind = 'loan' | 'line';

export function productOf(request: HardshipRequest): HardshipProductKind {
  return 'lineId' in request ? 'line' : 'loan';
}

/** The account a request is on: the loan's or the line's id. */
export function accountOf(request: HardshipRequest): string {
  return 'lineId' in request ? request.lineId : request.loanId;
}

/** A tool's name in words: a line's waiver is of interest and fees, a loan's of interest and penalty. */
export function toolKey(product: HardshipProductKind, tool: string): string {
  return product === 'line' ? `hardship.lineTools.${tool}` : `hardship.tools.${tool}`;
}

export const TOOLS: readonly HardshipTool[] = ['waiver', 'reschedule', 'holiday', 're-age', 'settlement'];
export const LINE_TOOLS: readonly LineHardshipTool[] = ['waiver', 'holiday', 're-age', 'settlement'];
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

/** What was asked, in words with its figures: "waive interest 150.00, penalty 11.59" (either product). */
export function AskText({ request }: { request: HardshipRequest }) {
  const { t, format } = useLocale();
  // The union of both products' asks: a field the product has not is absent, one its tool has not is null.
  const ask: Partial<Record<string, string | number | null>> & { tool: string } = request.ask;
  const parts: string[] = [];
  const count = (key: string, text: string) => {
    const value = ask[key];
    if (typeof value === 'number') parts.push(t(text, { count: value }));
  };
  const money = (key: string, text: string, positiveOnly: boolean) => {
    const value = ask[key];
    if (typeof value === 'string' && (!positiveOnly || yuanToFen(value) > 0n))
      parts.push(t(text, { amount: format.yuan(value) }));
  };
  count('instalments', 'hardship.requests.askInstalments');
  count('statements', 'hardship.requests.askStatements');
  money('maxInstalment', 'hardship.requests.askMax', false);
  money('interest', 'hardship.requests.askInterest', true);
  money('penalty', 'hardship.requests.askPenalty', true);
  money('fees', 'hardship.requests.askFees', true);
  money('lateFees', 'hardship.requests.askLateFees', true);
  money('amount', 'hardship.requests.askAmount', false);
  return (
    <span>
      <Typography.Text strong>{t(toolKey(productOf(request), ask.tool))}</Typography.Text>
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

/** A refused field's name in words: `lateFees` → "Late fees to waive", `reasons[1].note` → "Reason 2: note". */
export function useFieldName(product: HardshipProductKind): (field: string) => string {
  const { t } = useLocale();
  return (field) => {
    const reason = /^reasons\[(\d+)\]\.(code|note)$/.exec(field);
    if (reason) return t(`hardship.fields.reason.${reason[2]}`, { number: Number(reason[1]) + 1 });
    // A line's interest is billed and accrued in the cycle: its label says so.
    const key = product === 'line' && field === 'interest' ? 'lineInterest' : field;
    return t(`hardship.fields.${key}`, { defaultValue: field });
  };
}

/**
 * A refusal in plain words: the server's sentence (its own text in the reader's language when it sends one),
 * then each issue as the field's name and its rule in words — "Interest to waive: more than is owed today"
 * — with the rule's code for whoever looks it up in the docs.
 */
export function RefusalAlert({
  problem,
  title,
  product,
}: {
  problem: ApiProblem;
  title: string;
  product: HardshipProductKind;
}) {
  const { t } = useLocale();
  const fieldName = useFieldName(product);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={title}
      data-testid="hardship-refusal"
      description={
        problem.issues.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problem.issues.map((issue) => (
              <li key={`${issue.field}/${issue.rule}`}>
                {t('hardship.help.issue', {
                  field: fieldName(issue.field),
                  rule: t(`hardship.rules.${issue.rule}`, { defaultValue: issue.message }),
                })}{' '}
                <Typography.Text type="secondary">
                  (<code>{issue.rule}</code>)
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          problem.detail
        )
      }
    />
  );
}

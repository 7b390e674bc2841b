import { Col, Descriptions, Row, Space, Table, Typography } from 'antd';
import { useLocale } from '../i18n.ts';
import { ScheduleTable, scheduleFigures, type Instalment, type LineFigures } from './common.tsx';

/**
 * What a hardship change does to the account, as the API worked it out: a loan's schedule now and afterwards,
 * a line's figures by kind now and afterwards. One component for the preview and the result, either product.
 */
export type HardshipChange =
  | { readonly product: 'loan'; readonly before: Instalment[]; readonly after: Instalment[] }
  | { readonly product: 'line'; readonly before: LineFigures; readonly after: LineFigures };

export function ChangeFigures({
  change,
  tool,
  moneyEffect,
  paysNow,
}: {
  change: HardshipChange;
  tool: string;
  /** The API's money effect: what is forgiven (waiver, settlement), deferred (holiday), moved (re-age). */
  moneyEffect: string;
  /** A settlement: what the customer pays now. */
  paysNow?: string | undefined;
}) {
  return change.product === 'loan' ? (
    <LoanComparison before={change.before} after={change.after} paysNow={paysNow} />
  ) : (
    <LineComparison
      before={change.before}
      after={change.after}
      tool={tool}
      moneyEffect={moneyEffect}
      paysNow={paysNow}
    />
  );
}

/** A loan now and afterwards side by side: still to pay, the next instalment, how many are left, the last due date. */
function LoanComparison({
  before,
  after,
  paysNow,
}: {
  before: Instalment[];
  after: Instalment[];
  /** A settlement: what the customer pays now; nothing is owed after it (the rest is written off). */
  paysNow?: string | undefined;
}) {
  const { t, format } = useLocale();
  const column = (rows: Instalment[], title: string, testId: string, settled = false) => {
    // A settled loan owes nothing more: its billed instalments keep their figures, the rest is written off.
    const figures = settled
      ? { stillToPay: '0.00', next: undefined, left: 0, last: undefined }
      : scheduleFigures(rows);
    return (
      <Col xs={24} md={12}>
        <Descriptions
          size="small"
          column={1}
          bordered
          title={<span className="hs-col-title">{title}</span>}
          data-testid={testId}
        >
          <Descriptions.Item label={t('hardship.preview.stillToPay')}>
            <Typography.Text strong>{format.yuan(figures.stillToPay)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('hardship.preview.next')}>
            {figures.next
              ? t('hardship.preview.nextValue', {
                  date: format.date(figures.next.dueDate),
                  amount: format.yuan(figures.next.owed),
                })
              : t('hardship.preview.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('hardship.preview.left')}>{figures.left}</Descriptions.Item>
          <Descriptions.Item label={t('hardship.preview.last')}>
            {figures.last ? format.date(figures.last.dueDate) : t('hardship.preview.none')}
          </Descriptions.Item>
        </Descriptions>
      </Col>
    );
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {paysNow ? (
        <Typography.Text>
          {t('hardship.preview.paysNow')}: <Typography.Text strong>{format.yuan(paysNow)}</Typography.Text>
        </Typography.Text>
      ) : null}
      <Row gutter={[16, 16]}>
        {column(before, t('hardship.preview.before'), 'hardship-before')}
        {column(after, t('hardship.preview.after'), 'hardship-after', paysNow !== undefined)}
      </Row>
      {paysNow === undefined ? <ScheduleTable rows={after} caption={t('hardship.preview.schedule')} /> : null}
    </Space>
  );
}

const LINE_ROWS = [
  'payoff',
  'principal',
  'interest',
  'fees',
  'lateFees',
  'minimumDue',
  'daysPastDue',
] as const;
type LineRow = (typeof LINE_ROWS)[number];

/**
 * A credit line now and afterwards, row by row (what settles it, each kind owed, the minimum payment still to
 * pay, days past due), the rows that change in bold; above it what the tool does in one sentence with the
 * API's money effect: forgiven, written off, deferred or no longer past due.
 */
function LineComparison({
  before,
  after,
  tool,
  moneyEffect,
  paysNow,
}: {
  before: LineFigures;
  after: LineFigures;
  tool: string;
  moneyEffect: string;
  paysNow?: string | undefined;
}) {
  const { t, format } = useLocale();
  const shown = (figures: LineFigures, row: LineRow) =>
    row === 'daysPastDue'
      ? t('hardship.line.days', { count: figures.daysPastDue })
      : format.yuan(figures[row]);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text data-testid="hardship-line-effect">
        {t(`hardship.line.effect.${tool}`, {
          amount: format.yuan(moneyEffect),
          paid: paysNow ? format.yuan(paysNow) : '',
        })}
      </Typography.Text>
      <Table<{ key: LineRow; before: string; after: string; changed: boolean }>
        className="hs-line-figures"
        size="small"
        pagination={false}
        bordered
        dataSource={LINE_ROWS.map((row) => ({
          key: row,
          before: shown(before, row),
          after: shown(after, row),
          changed: before[row] !== after[row],
        }))}
        columns={[
          {
            title: t('hardship.line.figure'),
            dataIndex: 'key',
            render: (row: LineRow) => t(`hardship.line.rows.${row}`),
          },
          {
            title: t('hardship.preview.before'),
            dataIndex: 'before',
            align: 'right',
          },
          {
            title: t('hardship.preview.after'),
            dataIndex: 'after',
            align: 'right',
            render: (value: string, row) =>
              row.changed ? <Typography.Text strong>{value}</Typography.Text> : value,
          },
        ]}
      />
    </Space>
  );
}

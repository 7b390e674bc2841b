import { Button } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { newIntentKey } from '../../api/intent.ts';
import { me, type Line, type Loan, type Offer } from '../../api/me.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { asProblem, useLoad } from '../../components/use-load.ts';
import { fenToYuan, yuanToFen } from '../../format/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { AutoRepayPanel } from './auto-repay.tsx';
import { PayForm } from './pay-form.tsx';

/**
 * Bills: cash loans (what is owed, the next due, the schedule, past repayments, repay) and the spending
 * line (open statements with minimum and due date, pay in full / minimum / an amount, instalment plans,
 * past statements).
 */
export default function BillsScreen() {
  const { t } = useLocale();
  const data = useLoad(async () => {
    const [loans, lines] = await Promise.all([me.loans(), me.lines()]);
    const detailed = await Promise.all(loans.loans.map((loan) => me.loan(loan.id)));
    const line = lines.lines[0];
    const statements = line ? (await me.statements(line.id)).statements : [];
    return { loans: detailed, line, statements };
  }, []);
  return (
    <Page title={t('bills.title')}>
      {data.error ? <ErrorNotice problem={data.error} onRetry={() => void data.reload()} /> : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.data ? (
        <>
          <Section title={t('bills.loans')} id="loans-title">
            {data.data.loans.length === 0 ? <p className="muted">{t('bills.noLoans')}</p> : null}
            {data.data.loans.map((loan) => (
              <LoanBill key={loan.id} loan={loan} onPaid={() => void data.reload()} />
            ))}
          </Section>
          <Section title={t('bills.line')} id="line-bills-title">
            {data.data.line ? (
              <LineBills
                line={data.data.line}
                statements={data.data.statements}
                onPaid={() => void data.reload()}
              />
            ) : (
              <p className="muted">
                {t('bills.noLine')} <Link to="/borrow">{t('borrow.openLine')}</Link>
              </p>
            )}
          </Section>
        </>
      ) : null}
    </Page>
  );
}

function LoanBill({ loan, onPaid }: { loan: Loan; onPaid: () => void }) {
  const { t, format } = useLocale();
  const owed = fenToYuan(
    yuanToFen(loan.outstanding.principal) +
      yuanToFen(loan.outstanding.interest) +
      yuanToFen(loan.outstanding.penalty),
  );
  const options = [
    ...(loan.nextDue
      ? [
          {
            kind: 'due' as const,
            label: t('bills.repayDue', { amount: format.yuan(loan.nextDue.amount) }),
            amount: loan.nextDue.amount,
          },
        ]
      : []),
    {
      kind: 'all' as const,
      label: t('bills.repayAll', { amount: format.yuan(owed) }),
      amount: owed,
    },
    { kind: 'other' as const, label: t('bills.repayOther') },
  ];
  return (
    <article
      className="loan"
      data-loan={loan.id}
      style={{ borderTop: '1px solid var(--line)', paddingTop: 8 }}
    >
      <h3 className="section-title">
        {t('bills.loan', {
          amount: format.yuan(loan.principal),
          term: loan.term,
          date: format.date(loan.startDate),
        })}{' '}
        <span className={`status ${loan.status === 'active' ? 'status-under_review' : 'status-approved'}`}>
          {t(`bills.status.${loan.status}`)}
        </span>
      </h3>
      <p data-testid="loan-outstanding">{t('bills.outstanding', { amount: format.yuan(owed) })}</p>
      {loan.nextDue ? (
        <p>
          <strong>
            {t('bills.nextDue', {
              date: format.date(loan.nextDue.dueDate),
              amount: format.yuan(loan.nextDue.amount),
            })}
          </strong>
        </p>
      ) : null}
      {loan.daysPastDue > 0 ? (
        <p className="notice notice-error">{t('bills.overdue', { days: loan.daysPastDue })}</p>
      ) : null}
      {loan.status === 'active' ? (
        <PayForm
          name={loan.id}
          options={options}
          pay={(kind, typed, key) => {
            const amount = typed ?? options.find((option) => option.kind === kind)?.amount ?? '0.00';
            return me.repayLoan(loan.id, amount, key).then((answer) => ({ amount: answer.amount }));
          }}
          onPaid={onPaid}
        />
      ) : null}
      <AutoRepayPanel loanId={loan.id} active={loan.status === 'active'} />
      <details>
        <summary>{t('bills.schedule')}</summary>
        <table className="schedule">
          <thead>
            <tr>
              <th scope="col">{t('borrow.period')}</th>
              <th scope="col">{t('borrow.due')}</th>
              <th scope="col">{t('borrow.payment')}</th>
              <th scope="col">{t('bills.owed', { amount: '' })}</th>
            </tr>
          </thead>
          <tbody>
            {loan.instalments.map((row) => (
              <tr key={row.period}>
                <td>
                  {row.period} · {t(`bills.instalmentStatus.${row.status}`)}
                </td>
                <td>{format.date(row.dueDate)}</td>
                <td>{format.fen(yuanToFen(row.principal) + yuanToFen(row.interest))}</td>
                <td>{format.yuan(row.owed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <details>
        <summary>{t('bills.repayments')}</summary>
        {(loan.repayments ?? []).length === 0 ? <p className="muted">{t('bills.noRepayments')}</p> : null}
        <ul className="list" data-testid="repayments">
          {(loan.repayments ?? []).map((repayment, index) => (
            <li key={`${repayment.receivedAt}-${index}`}>
              {format.date(repayment.effectiveDate)} · {format.yuan(repayment.amount)}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}

function LineBills({
  line,
  statements,
  onPaid,
}: {
  line: Line;
  statements: Awaited<ReturnType<typeof me.statements>>['statements'];
  onPaid: () => void;
}) {
  const { t, format } = useLocale();
  const open = line.openStatements.filter((statement) => statement.settledOn === null);
  const minimum = open.reduce((sum, statement) => sum + yuanToFen(statement.minimumOutstanding), 0n);
  return (
    <>
      <p data-testid="line-owed">{t('bills.lineOwed', { amount: format.yuan(line.balances.payoff) })}</p>
      {line.daysPastDue > 0 ? (
        <p className="notice notice-error">{t('bills.overdue', { days: line.daysPastDue })}</p>
      ) : null}
      <h3 className="section-title">{t('bills.openStatements')}</h3>
      {open.length === 0 ? <p className="muted">{t('bills.noOpenStatements')}</p> : null}
      <ul className="list">
        {open.map((statement) => (
          <li key={statement.seq}>
            <strong>
              {t('bills.statement', { seq: statement.seq, date: format.date(statement.statementDate) })}
            </strong>
            <div>
              {t('bills.owed', { amount: format.yuan(statement.owed) })} ·{' '}
              {t('bills.minimum', { amount: format.yuan(statement.minimumPayment) })}
            </div>
            <div>
              <strong>{t('bills.statementDue', { date: format.date(statement.dueDate) })}</strong>
            </div>
            <StatementOffers line={line} seq={statement.seq} onConverted={onPaid} />
          </li>
        ))}
      </ul>
      {yuanToFen(line.balances.payoff) > 0n ? (
        <PayForm
          name={line.id}
          options={[
            {
              kind: 'full',
              label: `${t('bills.payFull')} ${format.yuan(line.balances.payoff)}`,
              amount: line.balances.payoff,
            },
            ...(minimum > 0n
              ? [
                  {
                    kind: 'minimum' as const,
                    label: `${t('bills.payMinimum')} ${format.fen(minimum)}`,
                    amount: fenToYuan(minimum),
                  },
                ]
              : []),
            { kind: 'amount', label: t('bills.payAmount') },
          ]}
          pay={(kind, typed, key) =>
            me
              .payLine(line.id, kind === 'amount' ? { kind, amount: typed ?? '' } : { kind }, key)
              .then((answer) => ({ amount: answer.amount }))
          }
          onPaid={onPaid}
        />
      ) : null}
      {line.plans.length > 0 ? (
        <>
          <h3 className="section-title">{t('bills.plans')}</h3>
          <ul className="list">
            {line.plans.map((plan) => (
              <li key={plan.planId}>
                {t('bills.plan', {
                  principal: format.yuan(plan.principal),
                  term: plan.term,
                  billed: plan.billedPeriods,
                  fee: format.yuan(plan.feePerPeriod),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {statements.length > 0 ? (
        <details>
          <summary>{t('bills.history')}</summary>
          <ul className="list">
            {statements.map((statement) => (
              <li key={statement.seq}>
                {t('bills.statementLine', {
                  seq: statement.seq,
                  date: format.date(statement.statementDate),
                  amount: format.yuan(statement.closingBalance),
                  minimum: format.yuan(statement.minimumPayment),
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function StatementOffers({ line, seq, onConverted }: { line: Line; seq: number; onConverted: () => void }) {
  const { t, format } = useLocale();
  const [offers, setOffers] = useState<Offer[] | undefined>(undefined);
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const [done, setDone] = useState<number | undefined>(undefined);
  const [key] = useState(newIntentKey);
  const load = async () => {
    setFailure(undefined);
    try {
      setOffers((await me.offers(line.id, { statement: String(seq) })).offers);
    } catch (error) {
      setFailure(asProblem(error));
    }
  };
  const convert = async (termMonths: number) => {
    setFailure(undefined);
    try {
      await me.convert(
        line.id,
        { source: { statementSeq: seq }, term: termMonths as 3 | 6 | 9 | 12 },
        `${key}-${seq}-${termMonths}`,
      );
      setDone(termMonths);
      onConverted();
    } catch (error) {
      setFailure(asProblem(error));
    }
  };
  return (
    <div>
      {failure ? <ErrorNotice problem={failure} /> : null}
      {done !== undefined ? <SuccessNotice>{t('borrow.converted', { term: done })}</SuccessNotice> : null}
      {offers === undefined ? (
        <Button size="small" fill="none" color="primary" onClick={() => void load()}>
          {t('bills.splitStatement')}
        </Button>
      ) : (
        <ul className="list">
          {offers.map((offer) => (
            <li key={offer.term}>
              {t('borrow.offer', {
                term: offer.term,
                fee: format.yuan(offer.feePerPeriod),
                total: format.yuan(offer.totalFees),
                apr: format.rate(offer.aprByIrr),
              })}{' '}
              <Button size="small" fill="outline" onClick={() => void convert(offer.term)}>
                {t('borrow.convert', { term: offer.term })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

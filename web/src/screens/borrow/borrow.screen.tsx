import { Button } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { newIntentKey, useIntent } from '../../api/intent.ts';
import { me, type Line, type Method, type Offer, type Product, type Quote } from '../../api/me.ts';
import { problemFrom, type ApiProblem } from '../../api/problem.ts';
import { AMOUNT, Choice } from '../../components/choice.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/error-notice.tsx';
import { Page, Section } from '../../components/page.tsx';
import { asProblem, useLoad } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';
import { ScheduleTable } from './schedule-table.tsx';

const TERMS = [3, 6, 12] as const;
const METHODS: readonly Method[] = ['equal-installment', 'equal-principal', 'interest-first'];

/** Borrow: draw a cash loan with a schedule preview; open and use the spending line (demo purchases). */
export default function BorrowScreen() {
  const { t } = useLocale();
  const data = useLoad(async () => {
    const [home, lines] = await Promise.all([me.home(), me.lines()]);
    return { home, lines: lines.lines };
  }, []);
  return (
    <Page title={t('borrow.title')}>
      {data.error ? <ErrorNotice problem={data.error} onRetry={() => void data.reload()} /> : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.data ? (
        <>
          <CashLoan
            product={data.data.home.products.find((product) => product.product === 'cash_loan')}
            onChanged={() => void data.reload()}
          />
          <SpendingLine
            product={data.data.home.products.find((product) => product.product === 'credit_line')}
            line={data.data.lines[0]}
            onChanged={() => void data.reload()}
          />
        </>
      ) : null}
    </Page>
  );
}

type ProductInfo = Awaited<ReturnType<typeof me.home>>['products'][number] | undefined;

function ApplyFor({ product, label }: { product: Product; label: string }) {
  return (
    <Link
      to={`/why/${product}`}
      className="adm-button adm-button-primary adm-button-shape-default"
      style={{ padding: '7px 16px', display: 'inline-block', textDecoration: 'none', borderRadius: 6 }}
    >
      {label}
    </Link>
  );
}

function CashLoan({ product, onChanged }: { product: ProductInfo; onChanged: () => void }) {
  const { t, format } = useLocale();
  const [amount, setAmount] = useState('5000');
  const [term, setTerm] = useState<number>(6);
  const [method, setMethod] = useState<Method>('equal-installment');
  const [quote, setQuote] = useState<Quote | undefined>(undefined);
  const [quoting, setQuoting] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const [paidOut, setPaidOut] = useState<{ amount: string; available: string } | undefined>(undefined);
  const intent = useIntent();

  const changed = () => {
    setQuote(undefined);
    intent.renew();
  };
  if (!product || product.status === 'not_applied' || product.limitTotal === null) {
    return (
      <Section title={t('borrow.cash')} id="cash-title">
        <p>{t('borrow.noFacility')}</p>
        <ApplyFor product="cash_loan" label={t('borrow.apply')} />
      </Section>
    );
  }
  const preview = async () => {
    setFailure(undefined);
    setPaidOut(undefined);
    if (!AMOUNT.test(amount)) {
      setFailure(problemFrom(422, { detail: t('borrow.amountInvalid') }));
      return;
    }
    setQuoting(true);
    try {
      setQuote(await me.quote({ amount, term, method }));
    } catch (error) {
      setFailure(asProblem(error));
    } finally {
      setQuoting(false);
    }
  };
  const draw = async () => {
    if (!quote) return;
    setFailure(undefined);
    try {
      const done = await intent.run((key) =>
        me.drawdown({ amount: quote.amount, term: quote.term, method: quote.method }, key),
      );
      if (done) {
        setPaidOut({ amount: done.paidOut, available: done.availableAfter });
        setQuote(undefined);
        onChanged();
      }
    } catch (error) {
      setFailure(asProblem(error));
    }
  };
  return (
    <Section title={t('borrow.cash')} id="cash-title">
      <p data-testid="cash-available">
        {t('borrow.available', { amount: format.yuan(product.limitAvailable ?? '0.00') })}
      </p>
      <div className="field">
        <label htmlFor="loan-amount">{t('borrow.amount')}</label>
        <input
          id="loan-amount"
          type="text"
          inputMode="decimal"
          placeholder={t('borrow.amountPlaceholder')}
          value={amount}
          onChange={(event) => {
            setAmount(event.target.value.trim());
            changed();
          }}
        />
      </div>
      <Choice
        legend={t('borrow.term')}
        name="term"
        options={TERMS.map((months) => ({ value: months, label: t('borrow.months', { count: months }) }))}
        value={term}
        onChange={(value) => {
          setTerm(value);
          changed();
        }}
      />
      <Choice
        legend={t('borrow.method')}
        name="method"
        options={METHODS.map((value) => ({ value, label: t(`borrow.methods.${value}`) }))}
        value={method}
        onChange={(value) => {
          setMethod(value);
          changed();
        }}
      />
      {failure ? <ErrorNotice problem={failure} onRetry={quote ? () => void draw() : undefined} /> : null}
      {paidOut ? (
        <SuccessNotice>
          <p>
            {t('borrow.paidOut', {
              amount: format.yuan(paidOut.amount),
              available: format.yuan(paidOut.available),
            })}
          </p>
          <Link to="/bills">{t('borrow.toBills')}</Link>
        </SuccessNotice>
      ) : null}
      {!quote ? (
        <Button
          block
          color="primary"
          fill="outline"
          loading={quoting}
          loadingText={t('borrow.previewing')}
          onClick={() => void preview()}
        >
          {t('borrow.preview')}
        </Button>
      ) : (
        <>
          <div className="figure">
            <div>
              <div className="label">{t('borrow.aprByIrr')}</div>
              <div className="apr" data-testid="quote-apr">
                {format.rate(quote.aprByIrr)}
              </div>
            </div>
            <div>
              <div className="label">{t('borrow.totalRepayment')}</div>
              <div className="apr">{format.yuan(quote.totalRepayment)}</div>
            </div>
          </div>
          <p className="muted">
            {t('borrow.totalInterest')} {format.yuan(quote.totalInterest)} · {t('borrow.totalFees')}{' '}
            {format.yuan(quote.totalFees)}
          </p>
          <ScheduleTable rows={quote.rows} />
          <Button
            block
            color="primary"
            loading={intent.busy}
            loadingText={t('borrow.drawing')}
            onClick={() => void draw()}
            style={{ marginTop: 12 }}
          >
            {t('borrow.confirm', { amount: format.yuan(quote.amount) })}
          </Button>
        </>
      )}
    </Section>
  );
}

function SpendingLine({
  product,
  line,
  onChanged,
}: {
  product: ProductInfo;
  line: Line | undefined;
  onChanged: () => void;
}) {
  const { t, format } = useLocale();
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const [opening, setOpening] = useState(false);
  if (!line) {
    const hasLimit = product && product.limitTotal !== null && product.status !== 'not_applied';
    const open = async () => {
      setOpening(true);
      setFailure(undefined);
      try {
        await me.openLine();
        onChanged();
      } catch (error) {
        setFailure(asProblem(error));
      } finally {
        setOpening(false);
      }
    };
    return (
      <Section title={t('borrow.line')} id="line-title">
        {failure ? <ErrorNotice problem={failure} /> : null}
        {hasLimit ? (
          <>
            <p>{t('borrow.noLine')}</p>
            <Button
              color="primary"
              loading={opening}
              loadingText={t('borrow.opening')}
              onClick={() => void open()}
            >
              {t('borrow.openLine')}
            </Button>
          </>
        ) : (
          <ApplyFor product="credit_line" label={t('borrow.applyLine')} />
        )}
      </Section>
    );
  }
  return (
    <Section title={t('borrow.line')} id="line-title">
      <p data-testid="line-available">
        {t('borrow.lineAvailable', {
          amount: format.yuan(line.facility.available),
          used: format.yuan(line.facility.used),
        })}
      </p>
      <Purchase line={line} onChanged={onChanged} />
    </Section>
  );
}

function Purchase({ line, onChanged }: { line: Line; onChanged: () => void }) {
  const { t, format } = useLocale();
  const [amount, setAmount] = useState('300');
  const [what, setWhat] = useState(() => t('borrow.purchaseDefault'));
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const [bought, setBought] = useState<
    { purchaseId: string; amount: string; available: string } | undefined
  >();
  const [offers, setOffers] = useState<Offer[] | undefined>(undefined);
  const [converted, setConverted] = useState<number | undefined>(undefined);
  const intent = useIntent();
  const [conversionKey] = useState(newIntentKey);

  const buy = async () => {
    setFailure(undefined);
    setBought(undefined);
    setOffers(undefined);
    setConverted(undefined);
    if (!AMOUNT.test(amount)) {
      setFailure(problemFrom(422, { detail: t('borrow.amountInvalid') }));
      return;
    }
    try {
      const done = await intent.run((key) => me.purchase(line.id, { amount, description: what }, key));
      if (!done) return;
      setBought({ purchaseId: done.purchaseId, amount: done.amount, available: done.availableAfter });
      setOffers((await me.offers(line.id, { purchase: done.purchaseId })).offers);
    } catch (error) {
      setFailure(asProblem(error));
    }
  };
  const convert = async (termMonths: number) => {
    if (!bought) return;
    setFailure(undefined);
    try {
      await me.convert(
        line.id,
        { source: { purchaseId: bought.purchaseId }, term: termMonths as 3 | 6 | 9 | 12 },
        `${conversionKey}-${bought.purchaseId}-${termMonths}`,
      );
      setConverted(termMonths);
      onChanged();
    } catch (error) {
      setFailure(asProblem(error));
    }
  };
  return (
    <>
      <h3 className="section-title">{t('borrow.purchase')}</h3>
      <div className="field">
        <label htmlFor="purchase-amount">{t('borrow.purchaseAmount')}</label>
        <input
          id="purchase-amount"
          type="text"
          inputMode="decimal"
          value={amount}
          onChange={(event) => {
            setAmount(event.target.value.trim());
            intent.renew();
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="purchase-what">{t('borrow.purchaseWhat')}</label>
        <input
          id="purchase-what"
          type="text"
          value={what}
          onChange={(event) => {
            setWhat(event.target.value);
            intent.renew();
          }}
        />
      </div>
      {failure ? <ErrorNotice problem={failure} /> : null}
      {bought ? (
        <SuccessNotice>
          {t('borrow.bought', {
            amount: format.yuan(bought.amount),
            available: format.yuan(bought.available),
          })}
        </SuccessNotice>
      ) : null}
      <Button
        block
        color="primary"
        fill="outline"
        loading={intent.busy}
        loadingText={t('borrow.buying')}
        onClick={() => void buy()}
      >
        {t('borrow.buy')}
      </Button>
      {offers && offers.length > 0 && converted === undefined ? (
        <>
          <h3 className="section-title" style={{ marginTop: 12 }}>
            {t('borrow.offers')}
          </h3>
          <ul className="list" data-testid="offers">
            {offers.map((offer) => (
              <li key={offer.term}>
                <div>
                  {t('borrow.offer', {
                    term: offer.term,
                    fee: format.yuan(offer.feePerPeriod),
                    total: format.yuan(offer.totalFees),
                    apr: format.rate(offer.aprByIrr),
                  })}
                </div>
                <Button size="small" fill="outline" onClick={() => void convert(offer.term)}>
                  {t('borrow.convert', { term: offer.term })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {converted !== undefined ? (
        <SuccessNotice>{t('borrow.converted', { term: converted })}</SuccessNotice>
      ) : null}
    </>
  );
}

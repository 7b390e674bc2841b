import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useIntent } from '../../api/intent.ts';
import type { ApiProblem } from '../../api/problem.ts';
import { problemFrom } from '../../api/problem.ts';
import { AMOUNT, Choice } from '../../components/choice.tsx';
import { ErrorNotice, SuccessNotice } from '../../components/error-notice.tsx';
import { asProblem } from '../../components/use-load.ts';
import { useLocale } from '../../i18n/index.ts';

export interface PayOption<K extends string> {
  readonly kind: K;
  readonly label: string;
  /** The amount this option pays (yuan), or undefined for "another amount" (typed by the person). */
  readonly amount?: string;
}

/**
 * One repayment: pick an option (full / minimum / due / another amount), confirm, pay. The Idempotency-Key
 * is made once for this intent and kept through double taps and a retry after a lost connection; it
 * changes only when the person changes the option or the amount, or after a payment went through.
 */
export function PayForm<K extends string>({
  name,
  options,
  pay,
  onPaid,
}: {
  name: string;
  options: readonly PayOption<K>[];
  pay: (kind: K, amount: string | undefined, idempotencyKey: string) => Promise<{ amount: string }>;
  onPaid: () => void;
}) {
  const { t, format } = useLocale();
  const [kind, setKind] = useState<K>(options[0]!.kind);
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<ApiProblem | undefined>(undefined);
  const [paid, setPaid] = useState<string | undefined>(undefined);
  const intent = useIntent();
  const option = options.find((candidate) => candidate.kind === kind) ?? options[0]!;
  const amount = option.amount ?? typed;

  const submit = async () => {
    setFailure(undefined);
    setPaid(undefined);
    if (option.amount === undefined && !AMOUNT.test(typed)) {
      setFailure(problemFrom(422, { detail: t('borrow.amountInvalid') }));
      return;
    }
    try {
      const done = await intent.run((key) => pay(kind, option.amount === undefined ? typed : undefined, key));
      if (done) {
        setPaid(done.amount);
        onPaid();
      }
    } catch (error) {
      setFailure(asProblem(error));
    }
  };

  return (
    <div className="pay-form" data-testid={`pay-${name}`}>
      <Choice
        legend={t('bills.choose')}
        name={`pay-${name}`}
        options={options.map((candidate) => ({ value: candidate.kind, label: candidate.label }))}
        value={kind}
        onChange={(value) => {
          setKind(value);
          intent.renew();
        }}
      />
      {option.amount === undefined ? (
        <div className="field">
          <label htmlFor={`amount-${name}`}>{t('bills.amount')}</label>
          <input
            id={`amount-${name}`}
            type="text"
            inputMode="decimal"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value.trim());
              intent.renew();
            }}
          />
        </div>
      ) : null}
      {failure ? (
        <ErrorNotice problem={failure} onRetry={failure.network ? () => void submit() : undefined} />
      ) : null}
      {paid ? <SuccessNotice>{t('bills.paid', { amount: format.yuan(paid) })}</SuccessNotice> : null}
      <Button
        block
        color="primary"
        loading={intent.busy}
        loadingText={t('bills.paying')}
        disabled={amount === ''}
        onClick={() => void submit()}
      >
        {t('bills.pay', { amount: AMOUNT.test(amount) ? format.yuan(amount) : '' })}
      </Button>
    </div>
  );
}

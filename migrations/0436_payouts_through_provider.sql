-- Refunds of money held for the customer through the payment provider's pay-out (代付) (issue 15, item 5).
-- Customer table (customer_id leads every key).
--
-- payouts: one row per pay-out asked of the provider, under our id (rfd_…, the provider's idempotency key),
-- for a cash loan (ln_…) or a credit line (cl_…). requested -> paid | failed, or requested -> unknown
-- (timeout) -> paid | failed once the provider's status is known. Nothing is booked as paid out until the
-- provider confirms: then the product's payout event is booked (idempotent by the payout id) and booked_seq
-- names it. A failed pay-out leaves the money held and says why. One row per (account, idempotency key):
-- a repeated request answers the first. A resolved pay-out is final; none is deleted.

create table payouts (
  customer_id text not null,
  payout_id text not null constraint payouts_id check (payout_id ~ '^rfd_[0-9A-HJKMNP-TV-Z]{26}$'),
  account_id text not null constraint payouts_account check (account_id ~ '^(ln|cl)_[0-9A-HJKMNP-TV-Z]{26}$'),
  product text not null constraint payouts_product check (product in ('cash_loan', 'credit_line')),
  amount bigint not null constraint payouts_amount check (amount > 0),
  card_id text not null,
  idempotency_key text not null constraint payouts_key check (length(idempotency_key) between 1 and 200),
  requested_by text not null constraint payouts_requested_by check (length(requested_by) between 1 and 200),
  status text not null constraint payouts_status check (status in ('requested', 'unknown', 'paid', 'failed')),
  failure_reason text constraint payouts_reason
    check (failure_reason in ('insufficient_funds', 'card_invalid', 'declined')),
  provider_ref text constraint payouts_provider_ref check (length(provider_ref) between 1 and 100),
  booked_seq integer,
  provider_calls integer not null default 0 constraint payouts_calls check (provider_calls >= 0),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  resolved_at timestamptz,
  primary key (customer_id, payout_id),
  constraint payouts_card foreign key (customer_id, card_id) references customer_cards (customer_id, card_id),
  constraint payouts_resolution check (
    (status in ('requested', 'unknown')) = (resolved_at is null)
    and (status = 'failed') = (failure_reason is not null)
    and (status <> 'paid' or booked_seq is not null))
);
create unique index payouts_once_per_key on payouts (customer_id, account_id, idempotency_key);
create index payouts_unresolved on payouts (payout_id) where status in ('requested', 'unknown');

create function payouts_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000', message = format('payouts keeps every pay-out: %s is refused', tg_op);
  end if;
  if (new.customer_id, new.payout_id, new.account_id, new.product, new.amount, new.card_id, new.idempotency_key,
      new.requested_by, new.created_at)
     is distinct from (old.customer_id, old.payout_id, old.account_id, old.product, old.amount, old.card_id,
      old.idempotency_key, old.requested_by, old.created_at) then
    raise exception using errcode = '55000',
      message = format('pay-out %s keeps what it asked the provider for', old.payout_id);
  end if;
  if old.status in ('paid', 'failed') and
     (new.status, new.failure_reason, new.provider_ref, new.booked_seq, new.resolved_at)
       is distinct from (old.status, old.failure_reason, old.provider_ref, old.booked_seq, old.resolved_at) then
    raise exception using errcode = '55000',
      message = format('pay-out %s is %s: a resolved pay-out is final', old.payout_id, old.status);
  end if;
  return new;
end
$$;
create trigger payouts_guard before update or delete on payouts for each row execute function payouts_guard();
create trigger payouts_no_truncate before truncate on payouts
  for each statement execute function ledger_refuse_change();

-- Auto-repay through a payment provider (issue 15, item 5). Customer tables (distribution rule: customer_id
-- leads every key).
--
-- 1. auto_repay_mandates: whether auto-repay is on for an account (a cash loan ln_… or a credit line cl_…),
--    from which bound card, under which notice. processed_through is the day-end watermark of the
--    auto-repay step: the step of business date D looks at an account once (it skips a mandate already
--    through D), so a crash and rerun, or a second run, makes no second attempt for the date.
-- 2. auto_repay_consents: every grant and withdrawal (purpose auto_repay), with the notice version and its
--    SHA-256 for a grant, who asked and when. Append-only.
-- 3. payment_attempts: one row per payment asked of the provider, under our id (the provider's idempotency
--    key). requested -> succeeded | failed, or requested -> unknown (timeout) -> succeeded | failed once the
--    provider's status is known. A resolved attempt is final. Auto-repay attempts are unique per account and
--    business date.

create table auto_repay_mandates (
  customer_id text not null,
  account_id text not null constraint auto_repay_mandates_account check (account_id ~ '^(ln|cl)_[0-9A-HJKMNP-TV-Z]{26}$'),
  product text not null constraint auto_repay_mandates_product check (product in ('cash_loan', 'credit_line')),
  card_id text not null,
  enabled boolean not null,
  notice_version integer not null constraint auto_repay_mandates_notice check (notice_version >= 1),
  processed_through date not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (customer_id, account_id),
  constraint auto_repay_mandates_card foreign key (customer_id, card_id)
    references customer_cards (customer_id, card_id)
);
-- The day-end pages through enabled mandates behind a date in account-id order.
create index auto_repay_mandates_behind on auto_repay_mandates (account_id, processed_through) where enabled;

create table auto_repay_consents (
  customer_id text not null,
  account_id text not null,
  seq integer not null constraint auto_repay_consents_seq check (seq >= 1),
  granted boolean not null,
  card_id text,
  notice_version integer,
  notice_hash text constraint auto_repay_consents_hash check (notice_hash ~ '^[0-9a-f]{64}$'),
  -- Who asked: the customer (their session) or staff (a key or a console user), by kind and name.
  actor_kind text not null constraint auto_repay_consents_actor_kind check (actor_kind in ('customer', 'staff')),
  actor text not null constraint auto_repay_consents_actor check (length(actor) between 1 and 200),
  recorded_at timestamptz not null,
  primary key (customer_id, account_id, seq),
  constraint auto_repay_consents_mandate foreign key (customer_id, account_id)
    references auto_repay_mandates (customer_id, account_id),
  constraint auto_repay_consents_grant_names_notice
    check (granted = (notice_version is not null and notice_hash is not null and card_id is not null))
);
create trigger auto_repay_consents_append_only before update or delete on auto_repay_consents
  for each row execute function ledger_refuse_change();
create trigger auto_repay_consents_no_truncate before truncate on auto_repay_consents
  for each statement execute function ledger_refuse_change();

create table payment_attempts (
  customer_id text not null,
  payment_id text not null constraint payment_attempts_id check (payment_id ~ '^pay_[0-9A-HJKMNP-TV-Z]{26}$'),
  purpose text not null constraint payment_attempts_purpose check (purpose in ('auto_repay')),
  account_id text not null constraint payment_attempts_account check (account_id ~ '^(ln|cl)_[0-9A-HJKMNP-TV-Z]{26}$'),
  product text not null constraint payment_attempts_product check (product in ('cash_loan', 'credit_line')),
  -- The business date the attempt belongs to (the day-end's date), the due date it collects for and which
  -- try of that due date it is (1 on the due date, then the retries).
  business_date date not null,
  due_date date not null,
  try_number integer not null constraint payment_attempts_try check (try_number between 1 and 10),
  amount bigint not null constraint payment_attempts_amount check (amount > 0),
  card_id text not null,
  status text not null constraint payment_attempts_status
    check (status in ('requested', 'unknown', 'succeeded', 'failed')),
  failure_reason text constraint payment_attempts_reason
    check (failure_reason in ('insufficient_funds', 'card_invalid', 'declined', 'account_settled')),
  provider_ref text constraint payment_attempts_provider_ref check (length(provider_ref) between 1 and 100),
  -- The account's event that booked the money collected (the repayment's seq).
  booked_seq integer,
  provider_calls integer not null default 0 constraint payment_attempts_calls check (provider_calls >= 0),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  resolved_at timestamptz,
  primary key (customer_id, payment_id),
  constraint payment_attempts_mandate foreign key (customer_id, account_id)
    references auto_repay_mandates (customer_id, account_id),
  constraint payment_attempts_resolution check (
    (status in ('requested', 'unknown')) = (resolved_at is null)
    and (status = 'failed') = (failure_reason is not null)
    and (status <> 'succeeded' or booked_seq is not null))
);
create unique index payment_attempts_once_per_day on payment_attempts (customer_id, account_id, business_date);
-- Attempts still waiting for the provider's answer, oldest first.
create index payment_attempts_unresolved on payment_attempts (payment_id) where status in ('requested', 'unknown');

-- A resolved attempt is final, an attempt keeps what it asked for, and no attempt is deleted.
create function payment_attempts_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('payment_attempts keeps every attempt: %s is refused', tg_op);
  end if;
  if (new.customer_id, new.payment_id, new.purpose, new.account_id, new.product, new.business_date,
      new.due_date, new.try_number, new.amount, new.card_id, new.created_at)
     is distinct from (old.customer_id, old.payment_id, old.purpose, old.account_id, old.product,
      old.business_date, old.due_date, old.try_number, old.amount, old.card_id, old.created_at) then
    raise exception using errcode = '55000',
      message = format('payment attempt %s keeps what it asked the provider for', old.payment_id);
  end if;
  if old.status in ('succeeded', 'failed') and
     (new.status, new.failure_reason, new.provider_ref, new.booked_seq, new.resolved_at)
       is distinct from (old.status, old.failure_reason, old.provider_ref, old.booked_seq, old.resolved_at) then
    raise exception using errcode = '55000',
      message = format('payment attempt %s is %s: a resolved attempt is final', old.payment_id, old.status);
  end if;
  return new;
end
$$;
create trigger payment_attempts_guard before update or delete on payment_attempts
  for each row execute function payment_attempts_guard();
create trigger payment_attempts_no_truncate before truncate on payment_attempts
  for each statement execute function ledger_refuse_change();

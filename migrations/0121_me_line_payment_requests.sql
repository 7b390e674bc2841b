-- A credit-line payment asked for by the customer as "the full balance" or "the minimum" (issue 13): the
-- amount that kind meant when the request was first made, kept with its idempotency key, so a retry of the
-- same tap pays the same amount once (the balance it would resolve to has changed after the first payment)
-- and the same key with another request is refused.
--
-- Distribution rule: the table belongs to a customer; its primary key includes customer_id.

create table me_line_payment_requests (
  customer_id text not null references customers (customer_id),
  idempotency_key text not null check (length(idempotency_key) between 1 and 200),
  line_id text not null,
  kind text not null check (kind in ('full', 'minimum', 'amount')),
  -- The amount sent with kind 'amount' (fen); null for 'full' and 'minimum'.
  requested_amount bigint check ((kind = 'amount') = (requested_amount is not null)),
  resolved_amount bigint not null check (resolved_amount > 0),
  created_at timestamptz not null,
  primary key (customer_id, idempotency_key)
);

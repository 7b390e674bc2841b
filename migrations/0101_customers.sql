-- Identity and customer data (issue 4): customers with encrypted PII and blind indexes, bound cards, and the
-- append-only event store every feature is computed from. Verification results and consent changes are
-- events too (types `verification` and `consent`), so their history is kept with time and provider.
--
-- Distribution rule: every table has customer_id first in its primary key; no unique constraint leaves it
-- out. Look-ups by external id and by blind index are plain indexes; uniqueness across customers (one
-- customer per external id, one per ID number) is enforced by the use case under an advisory lock.

create table customers (
  customer_id text primary key check (customer_id ~ '^cus_[0-9A-HJKMNP-TV-Z]{26}$'),
  external_id text not null check (length(external_id) between 1 and 128),
  -- AES-256-GCM ciphertexts (version | iv | tag | body) with the id of the key that sealed them.
  name_enc bytea not null,
  name_key_id text not null,
  id_number_enc bytea not null,
  id_number_key_id text not null,
  id_number_bidx text not null check (id_number_bidx ~ '^[0-9a-f]{64}$'),
  phone_enc bytea not null,
  phone_key_id text not null,
  phone_bidx text not null check (phone_bidx ~ '^[0-9a-f]{64}$'),
  -- Derived from the verified-format ID number; kept in clear because age and region are features.
  birth_date date not null,
  sex text not null check (sex in ('male', 'female')),
  region_code text not null check (region_code ~ '^[0-9]{6}$'),
  created_at timestamptz not null
);
create index customers_by_external_id on customers (external_id);
create index customers_by_id_number on customers (id_number_bidx);
create index customers_by_phone on customers (phone_bidx);

create table customer_cards (
  customer_id text not null references customers (customer_id),
  card_id text not null check (card_id ~ '^crd_[0-9A-HJKMNP-TV-Z]{26}$'),
  card_enc bytea not null,
  card_key_id text not null,
  card_bidx text not null check (card_bidx ~ '^[0-9a-f]{64}$'),
  last4 text not null check (last4 ~ '^[0-9]{4}$'),
  issuer text,
  added_at timestamptz not null,
  removed_at timestamptz,
  primary key (customer_id, card_id)
);
create index customer_cards_by_number on customer_cards (customer_id, card_bidx);

create table customer_events (
  customer_id text not null references customers (customer_id),
  source text not null check (source ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  event_id text not null check (length(event_id) between 1 and 128),
  type text not null,
  occurred_at timestamptz not null,
  received_at timestamptz not null,
  -- The type's own fields in wire form (amounts as decimal strings), never PII.
  payload jsonb not null,
  -- Arrival order: breaks ties between events of the same instant. Not unique on its own, never a key.
  seq bigint generated always as identity,
  primary key (customer_id, source, event_id)
);
create index customer_events_by_time on customer_events (customer_id, occurred_at, seq);
create index customer_events_by_source_event on customer_events (source, event_id);

-- Append-only: a recorded fact is never changed or removed in place; corrections are new events.
create function customer_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'customer_events is append-only (% refused)', tg_op using errcode = '55000';
end
$$;
create trigger customer_events_no_update before update or delete on customer_events
  for each row execute function customer_events_append_only();

-- Per-customer data keys (issue 17, item 1): crypto-shredding.
--
-- Each customer's personal data (name, ID number, phone, bank cards, appeal evidence files) is sealed under
-- the customer's own 256-bit data key (DEK), and values sealed so name the key id `dek` in their key-id
-- column. The DEK is stored only wrapped — AES-256-GCM under the lender's PII key, bound to the customer —
-- with the id of the wrapping key, so rotating the lender's key re-wraps one small row per customer instead
-- of re-sealing every value. Erasing a customer deletes this row: the ciphertexts stay where they are (in
-- append-only tables too) and nobody can open them any more.
--
-- The one DELETE the schema allows on personal data is this one, and only for a customer already marked
-- erased in the same transaction (customers.erased_at). A row is otherwise only re-wrapped: the customer and
-- the creation time never change.

create table customer_data_keys (
  customer_id text not null references customers (customer_id),
  -- version(1) | IV(12) | tag(16) | the 32-byte key: 61 bytes.
  wrapped_key bytea not null check (octet_length(wrapped_key) = 61),
  wrap_key_id text not null check (length(wrap_key_id) between 1 and 64 and wrap_key_id <> 'dek'),
  created_at timestamptz not null,
  rewrapped_at timestamptz,
  primary key (customer_id)
);
-- Rotation pages through keys wrapped by an older lender key.
create index customer_data_keys_by_wrap_key on customer_data_keys (wrap_key_id, customer_id);

-- Erasure marks the customer (the row stays: every append-only history refers to it) and removes what would
-- re-identify the person: the blind indexes (an HMAC of the ID number or phone lets anyone holding the index
-- key test a guess) and the columns derived from the ID number — birth date, sex and the 6-digit region code
-- are the ID number's first 17 characters but for a 3-digit sequence, so with them a guess is one of ~500.
-- Decisions keep the features they were made on (age, region risk) in their own evidence and replay from it.
alter table customers
  add column erased_at timestamptz,
  add column erasure_request_id text;
alter table customers alter column id_number_bidx drop not null;
alter table customers alter column phone_bidx drop not null;
alter table customers alter column birth_date drop not null;
alter table customers alter column sex drop not null;
alter table customers alter column region_code drop not null;
alter table customers add constraint customers_identified_unless_erased check (
  erased_at is not null
  or (id_number_bidx is not null and phone_bidx is not null and birth_date is not null and sex is not null
      and region_code is not null)
);
alter table customers add constraint customers_erased_unidentified check (
  erased_at is null
  or (id_number_bidx is null and phone_bidx is null and birth_date is null and sex is null
      and region_code is null and erasure_request_id is not null)
);

alter table customer_cards alter column card_bidx drop not null;
alter table customer_cards add column erased_at timestamptz;
alter table customer_cards add constraint customer_cards_index_unless_erased
  check ((erased_at is null) = (card_bidx is not null));

create function customer_data_keys_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if not exists (select 1 from customers where customer_id = old.customer_id and erased_at is not null) then
      raise exception using errcode = '55000',
        message = 'customer_data_keys: a data key is deleted only by erasing its customer';
    end if;
    return old;
  end if;
  if (new.customer_id, new.created_at) is distinct from (old.customer_id, old.created_at) then
    raise exception using errcode = '55000', message = 'customer_data_keys: only re-wrapping is allowed';
  end if;
  return new;
end $$;

create trigger customer_data_keys_guarded before update or delete on customer_data_keys
  for each row execute function customer_data_keys_guard();

-- An erased customer stays erased.
create function customers_stay_erased() returns trigger language plpgsql as $$
begin
  if old.erased_at is not null and new.erased_at is distinct from old.erased_at then
    raise exception using errcode = '55000', message = 'customers: an erased customer stays erased';
  end if;
  return new;
end $$;

create trigger customers_stay_erased before update on customers
  for each row execute function customers_stay_erased();

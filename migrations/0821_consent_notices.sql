-- Consent with purpose and notice (issue 17). Notices are the versioned texts a person reads before
-- consenting to a purpose (credit assessment, marketing, bureau query, bureau reporting), in zh-CN and en,
-- with the instant each version takes effect and the SHA-256 of its text. A consent event names the
-- purpose, the version and its hash (see docs/identity.md "Consent"). Consents themselves stay
-- `customer_events` of type `consent`: append-only, with their instants.
--
-- Global table (listed in distribution.ts): a notice is the lender's text, the same for every customer.

create table consent_notices (
  purpose text not null check (purpose in ('credit_assessment', 'marketing', 'bureau_query', 'bureau_reporting')),
  version integer not null check (version >= 1),
  effective_from timestamptz not null,
  text_zh text not null check (length(text_zh) between 1 and 20000),
  text_en text not null check (length(text_en) between 1 and 20000),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  published_at timestamptz not null,
  published_by text not null check (length(published_by) between 1 and 200),
  primary key (purpose, version)
);

-- A published version is what people were shown: it never changes and is never removed.
create function consent_notices_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'consent_notices are immutable (% refused)', tg_op using errcode = '55000';
end
$$;
create trigger consent_notices_no_change before update or delete on consent_notices
  for each row execute function consent_notices_immutable();

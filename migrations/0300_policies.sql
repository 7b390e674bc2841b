-- Credit policies and lending settings (issue 5, policy engine). All global tables: policies and
-- settings belong to the lender, not to a customer; each is listed in src/platform/database/distribution.ts.
--
-- A policy version is immutable once loaded: its JDM graph, the checksum of that graph and the warnings the
-- static checks gave. Which version is in force for a name on a date: the latest effective_from on or
-- before the date (ties: the higher version).

create table policy_versions (
  id text primary key check (id ~ '^pol_[0-9A-HJKMNP-TV-Z]{26}$'),
  name text not null check (name ~ '^[a-z][a-z0-9_-]{0,63}$'),
  version integer not null check (version > 0),
  effective_from date not null,
  description text not null default '' check (length(description) <= 500),
  content jsonb not null,
  checksum text not null check (checksum ~ '^[0-9a-f]{64}$'),
  warnings jsonb not null default '[]'::jsonb,
  loaded_at timestamptz not null,
  unique (name, version)
);

create index policy_versions_in_force on policy_versions (name, effective_from desc, version desc);

-- Product definitions by code, each in force from its date until the next one of the same code.
create table lending_products (
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  effective_from date not null,
  definition jsonb not null,
  loaded_at timestamptz not null,
  primary key (code, effective_from)
);

-- The legal cap on the annualised rate, dated. Rates are exact decimal strings.
create table legal_rate_caps (
  effective_from date primary key,
  annual_rate text not null check (annual_rate ~ '^\d+(\.\d+)?$'),
  basis text not null,
  loaded_at timestamptz not null
);

-- Risk appetite: a dated, global tightening of cut-offs and limits.
create table risk_appetite_settings (
  effective_from date primary key,
  name text not null,
  cutoff_raise integer not null check (cutoff_raise between -100 and 300),
  limit_scale text not null check (limit_scale ~ '^\d+(\.\d{1,4})?$'),
  note text not null default '',
  loaded_at timestamptz not null
);

-- Which policy decides a product (champion), and which challenger takes a share of customers.
create table policy_assignments (
  product_code text not null,
  effective_from date not null,
  champion_policy text not null,
  challenger_policy text,
  challenger_share_bps integer not null check (challenger_share_bps between 0 and 10000),
  loaded_at timestamptz not null,
  primary key (product_code, effective_from),
  check (challenger_policy is not null or challenger_share_bps = 0)
);

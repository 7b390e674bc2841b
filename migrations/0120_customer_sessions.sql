-- Customer sessions (issue 13): short-lived bearer tokens the lender's app asks for on behalf of one
-- customer, so the customer's browser never holds an API key. Only the SHA-256 of a token is stored; a
-- session ends when it expires or is revoked (sign-out, or every session of the customer at once).
--
-- Distribution rule: the table belongs to a customer, so its primary key and unique constraint include
-- customer_id. The lookup by token hash is a plain (non-unique) index.

create table customer_sessions (
  customer_id text not null references customers (customer_id),
  session_id text not null check (session_id ~ '^ses_[0-9A-HJKMNP-TV-Z]{26}$'),
  token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  -- Who asked for it: the API key id of the lender's app, or 'demo' for the demo sign-in.
  issued_by text not null check (length(issued_by) between 1 and 64),
  demo boolean not null default false,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('sign_out', 'revoke_all')),
  primary key (customer_id, session_id),
  unique (customer_id, token_hash),
  check (expires_at > created_at),
  check ((revoked_at is null) = (revoked_reason is null))
);

create index customer_sessions_by_token on customer_sessions (token_hash);
create index customer_sessions_live on customer_sessions (customer_id, expires_at) where revoked_at is null;

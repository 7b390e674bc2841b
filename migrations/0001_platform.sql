-- Platform tables: API keys and idempotency records shared by every money command.
--
-- Distribution rule (see docs/architecture.md): every table that belongs to a customer has a
-- customer_id column, and every primary key and unique constraint of such a table includes it, so the
-- schema can later be distributed by customer_id (Citus) without a redesign. Tables below are global.

create table api_keys (
  id text primary key,
  name text not null check (length(name) between 1 and 100),
  role text not null check (role in ('app', 'reviewer', 'analyst', 'admin')),
  key_prefix text not null,
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz
);

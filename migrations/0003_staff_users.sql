-- Staff users and their console sessions (issue 14). Reviewers, analysts and admins sign in to the console
-- with a username and password; the browser then holds an opaque session cookie (credence_staff).
--
-- Passwords: scrypt (memory-hard) with a per-user random salt; the parameters are stored inside the hash
-- text (`scrypt$<log2 N>$<r>$<p>$<salt>$<key>`, base64url), so a later change of cost keeps old hashes
-- verifiable. Lock-out: `failed_attempts` consecutive failures lock the account until `locked_until`.
--
-- Sessions: only the SHA-256 of the cookie's token is stored (the token is 256 random bits, so a fast hash
-- is the right one). The CSRF token is the session's own (a synchronizer token): state-changing requests
-- authenticated by the cookie must repeat it in `x-csrf-token`. A session ends at its idle expiry
-- (refreshed on use, never past the absolute expiry), at its absolute expiry, or when revoked.
--
-- Both tables are global (staff are not customers): listed in src/platform/database/distribution.ts.

create table staff_users (
  id text primary key check (id ~ '^stf_[0-9A-HJKMNP-TV-Z]{26}$'),
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  display_name text not null check (length(display_name) between 1 and 100),
  role text not null check (role in ('reviewer', 'analyst', 'admin')),
  password_hash text not null check (password_hash ~ '^scrypt\$[0-9]{1,2}\$[0-9]{1,2}\$[0-9]{1,2}\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$'),
  disabled boolean not null default false,
  failed_attempts integer not null default 0 check (failed_attempts >= 0),
  locked_until timestamptz,
  password_changed_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table staff_sessions (
  id text primary key check (id ~ '^sts_[0-9A-HJKMNP-TV-Z]{26}$'),
  user_id text not null references staff_users (id),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  csrf_token text not null check (csrf_token ~ '^[0-9A-Za-z_-]{43}$'),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  idle_expires_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('sign-out', 'user-disabled', 'password-changed')),
  check (idle_expires_at <= expires_at and expires_at > created_at),
  check ((revoked_at is null) = (revoked_reason is null))
);

create index staff_sessions_live_by_user on staff_sessions (user_id) where revoked_at is null;

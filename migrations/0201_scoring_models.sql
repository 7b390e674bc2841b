-- Scorecard model registry: artefacts by version, with their content hash and lifecycle.
--
-- Global table (listed in GLOBAL_TABLES): a model is shared by every customer; it holds no customer data,
-- only bins, points and aggregate statistics of the training sample.
--
-- The artefact is kept as the exact JSON text that was uploaded (not jsonb, which reorders keys and
-- normalises numbers), so the stored document hashes to its content hash byte for byte.

create table scoring_models (
  version text primary key check (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  content_hash text not null unique check (content_hash ~ '^sha256:[0-9a-f]{64}$'),
  -- candidate: uploaded, not serving; active: the one model that scores; retired: served before.
  status text not null default 'candidate' check (status in ('candidate', 'active', 'retired')),
  artefact text not null,
  feature_count integer not null check (feature_count >= 0),
  holdout_auc double precision,
  trained_at timestamptz not null,
  created_at timestamptz not null,
  created_by text,
  activated_at timestamptz,
  retired_at timestamptz
);

-- At most one active model at any time.
create unique index scoring_models_one_active on scoring_models (status) where status = 'active';

-- Collections strategies as four-eyes lending settings (issue 15): a dated strategy (reminder sequence per
-- bucket, call queue, contact hours and caps, claim and promise limits) changes who is contacted, when and
-- how often, so it is changed like the other lending settings — a change request that a second person
-- approves (change_requests, kind 'settings', setting kind 'collectionStrategies'), stored here on approval.
-- Before the first stored strategy's date the configured one applies (CREDENCE_COLLECTIONS_FILE, else the
-- default). Global table: the lender's rule for every customer (listed in src/platform/database/distribution.ts).
create table collection_strategies (
  effective_from date primary key,
  -- The strategy as the settings document writes it (validated by parseCollectionStrategies before it is stored).
  strategy jsonb not null check (jsonb_typeof(strategy) = 'object'),
  loaded_at timestamptz not null
);

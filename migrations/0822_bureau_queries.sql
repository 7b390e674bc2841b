-- The bureau use log (issue 17): every credit-bureau query, with the purpose, the consent it relied on,
-- who or what asked, when, and the SHA-256 and size of the report received. Customer rows: customer_id
-- first in every key. Append-only. A query made during a decision names the decision request's key; the
-- decision id is linked once recorded (`decision_id`, set once).

create table bureau_queries (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^bqy_[0-9A-HJKMNP-TV-Z]{26}$'),
  -- Why the report was asked for (the bureau's inquiry reason); every reason needs `bureau_query` consent.
  purpose text not null check (purpose in ('loan_application', 'post_loan_review')),
  -- The consent event relied on: `source/eventId` of a `consent` customer event granting `bureau_query`.
  consent_event_ref text not null check (length(consent_event_ref) between 3 and 200),
  consent_notice_version integer,
  -- Who or what asked: a staff user, an API key, or a decision request.
  requested_by_kind text not null check (requested_by_kind in ('staff', 'key', 'decision', 'system')),
  requested_by text not null check (length(requested_by) between 1 and 200),
  requested_by_name text not null check (length(requested_by_name) between 1 and 200),
  -- The caller's key: the same key again returns the recorded query instead of asking again.
  request_key text not null check (length(request_key) between 1 and 200),
  provider text not null check (length(provider) between 1 and 64),
  report_ref text not null check (length(report_ref) between 1 and 128),
  report_sha256 text not null check (report_sha256 ~ '^[0-9a-f]{64}$'),
  event_count integer not null check (event_count >= 0),
  events_ingested integer not null check (events_ingested >= 0),
  queried_at timestamptz not null,
  decision_id text check (decision_id ~ '^dec_[0-9A-HJKMNP-TV-Z]{26}$'),
  primary key (customer_id, id),
  unique (customer_id, request_key)
);
create index bureau_queries_by_time on bureau_queries (customer_id, queried_at);

create function bureau_queries_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.decision_id is null and new.decision_id is not null
     and (to_jsonb(new) - 'decision_id') = (to_jsonb(old) - 'decision_id') then
    return new;
  end if;
  raise exception 'bureau_queries is append-only (% refused)', tg_op using errcode = '55000';
end
$$;
create trigger bureau_queries_no_change before update or delete on bureau_queries
  for each row execute function bureau_queries_append_only();

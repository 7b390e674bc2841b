-- Limit reviews: one decision per review, and the review record kept as it was applied (review of issue 7).
--
-- 1. Two concurrent requests for the same review (the same on-demand idempotency key, or two batch runs
--    reaching the same cycle) could both find the row pending and each ask the decisions context for a
--    decision before one applied. A request now claims the pending review before deciding: claim_token
--    names the request that is carrying it out and claimed_until (database time) when that claim lapses,
--    so a request that crashed is taken over after the lease. A second request waits while the claim is
--    held and then answers with the applied review (limit-review-service.ts). An applied review holds no
--    claim.
-- 2. credit_line_reviews is the record of what each review did. Its writes are the claim (pending only) and
--    pending → applied, once; so a review's identity never changes, an applied review is final, and
--    DELETE and TRUNCATE are refused.
-- 3. credit_line_events and credit_line_statements refused UPDATE and DELETE (0501) but not TRUNCATE (row
--    triggers never fire for it): now refused too, as for loan_events (0407).

alter table credit_line_reviews add column claim_token text check (length(claim_token) between 1 and 64);
alter table credit_line_reviews add column claimed_until timestamptz;
alter table credit_line_reviews add constraint credit_line_reviews_claim_whole
  check ((claim_token is null) = (claimed_until is null) and (status = 'pending' or claim_token is null));

create function credit_line_reviews_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('credit_line_reviews is the record of limit reviews: %s is refused', tg_op);
  end if;
  if (new.customer_id, new.id, new.line_id, new.review_key, new.trigger, new.requested_at)
       is distinct from (old.customer_id, old.id, old.line_id, old.review_key, old.trigger, old.requested_at) then
    raise exception using errcode = '55000',
      message = format('limit review %s keeps its line, key, trigger and request time', old.id);
  end if;
  if old.status = 'applied' then
    raise exception using errcode = '55000',
      message = format('limit review %s is applied: its record is final', old.id);
  end if;
  return new;
end $$;

create trigger credit_line_reviews_guard before update or delete on credit_line_reviews
  for each row execute function credit_line_reviews_guard();
create trigger credit_line_reviews_no_truncate before truncate on credit_line_reviews
  for each statement execute function credit_line_reviews_guard();

create trigger credit_line_events_no_truncate before truncate on credit_line_events
  for each statement execute function ledger_refuse_change();
create trigger credit_line_statements_no_truncate before truncate on credit_line_statements
  for each statement execute function ledger_refuse_change();

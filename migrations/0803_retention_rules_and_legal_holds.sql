-- What may keep a person's data after they ask for it to be erased (issue 17, item 1; PIPL Art. 47): the
-- lender's retention rules and explicit legal holds — both data, so a compliance officer changes a period or
-- a citation without a release, and an examiner reads the rule the system applied.
--
-- retention_rules (global: one rule book for every customer). `basis` names the record the rule keeps and
-- the event its period runs from; the code knows how to find those records (a closed contract's close date),
-- the rule says for how long and why:
--   open_credit    a loan or credit line not closed yet (a written-off loan is still owed): kept until it closes;
--   closed_credit  a loan or credit line closed on a date: kept `keep_months` after that date;
--   open_appeal    an appeal (异议 / dispute) not resolved or withdrawn: kept until it is.
-- `keep_months` null means "until the record closes" (no date can be given). A rule is in force from
-- `effective_from` and until `retired_on` (exclusive), so history keeps the rule that applied when.
create table retention_rules (
  id text primary key check (id ~ '^[a-z][a-z0-9_]{2,63}$'),
  basis text not null check (basis in ('open_credit', 'closed_credit', 'open_appeal')),
  keep_months integer check (keep_months between 0 and 1200),
  -- The law or policy the rule applies, as a person reads it.
  citation_zh text not null check (length(citation_zh) between 1 and 500),
  citation_en text not null check (length(citation_en) between 1 and 500),
  effective_from date not null,
  retired_on date,
  created_by text not null check (length(created_by) between 1 and 128),
  created_at timestamptz not null,
  check ((basis = 'closed_credit') = (keep_months is not null)),
  check (retired_on is null or retired_on > effective_from)
);

insert into retention_rules (id, basis, keep_months, citation_zh, citation_en, effective_from, created_by, created_at)
values
  ('open_credit_contract', 'open_credit', null,
   '借款合同尚未履行完毕：为履行合同所必需，结清前须保留（《个人信息保护法》第十三条第一款第二项、第四十七条第一款第一项）',
   'A credit contract not yet settled: the data is needed to perform it and is kept until it is closed (PIPL Art. 13(1)(2), Art. 47(1)(1))',
   '2026-01-01', 'migration 0803', '2026-01-01T00:00:00Z'),
  ('closed_credit_records_5y', 'closed_credit', 60,
   '已结清的信贷合同及交易记录：自结清之日起保存 5 年（本行档案管理制度；参照《反洗钱法》(2006) 第十九条：业务关系结束后至少保存五年）',
   'A closed credit contract and its transaction records: kept 5 years from the close date (the lender''s records policy; cf. the Anti-Money Laundering Law (2006) Art. 19: at least five years after the relationship ends)',
   '2026-01-01', 'migration 0803', '2026-01-01T00:00:00Z'),
  ('open_appeal_or_dispute', 'open_appeal', null,
   '申诉或异议处理中：处理完毕前须保留相关资料（《个人信息保护法》第四十七条；本行申诉规程）',
   'An appeal or dispute in progress: the data it concerns is kept until it is resolved (PIPL Art. 47; the lender''s appeals procedure)',
   '2026-01-01', 'migration 0803', '2026-01-01T00:00:00Z');

-- Rules are dated, not edited: a new period is a new rule (and the old one retired).
create function retention_rules_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception using errcode = '55000', message = 'retention_rules: DELETE is refused (retire the rule instead)';
  end if;
  if (new.id, new.basis, new.keep_months, new.citation_zh, new.citation_en, new.effective_from, new.created_by,
      new.created_at) is distinct from
     (old.id, old.basis, old.keep_months, old.citation_zh, old.citation_en, old.effective_from, old.created_by,
      old.created_at)
     or old.retired_on is not null then
    raise exception using errcode = '55000',
      message = 'retention_rules: a rule is never changed, only retired once (add a new rule instead)';
  end if;
  return new;
end $$;
create trigger retention_rules_guarded before update or delete on retention_rules
  for each row execute function retention_rules_guard();

-- legal_holds (a customer table): staff keep a person's data for a legal reason (a court order, a
-- regulator's investigation, litigation) until an end date; released early with a reason. Never deleted.
create table legal_holds (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^lgh_[0-9A-HJKMNP-TV-Z]{26}$'),
  reason text not null check (length(reason) between 1 and 1000),
  -- The instrument, if any: a court's case number, a regulator's letter reference.
  authority text check (length(authority) between 1 and 200),
  -- The last day the data is held (inclusive).
  held_until date not null,
  placed_by text not null check (length(placed_by) between 1 and 128),
  placed_at timestamptz not null,
  released_at timestamptz,
  released_by text check (length(released_by) between 1 and 128),
  release_reason text check (length(release_reason) between 1 and 1000),
  primary key (customer_id, id),
  check ((released_at is null) = (released_by is null)),
  check ((released_at is null) = (release_reason is null))
);
create index legal_holds_in_force on legal_holds (customer_id, held_until) where released_at is null;

create function legal_holds_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception using errcode = '55000', message = 'legal_holds: DELETE is refused (release the hold instead)';
  end if;
  if (new.customer_id, new.id, new.reason, new.authority, new.held_until, new.placed_by, new.placed_at)
     is distinct from
     (old.customer_id, old.id, old.reason, old.authority, old.held_until, old.placed_by, old.placed_at)
     or old.released_at is not null then
    raise exception using errcode = '55000',
      message = 'legal_holds: a hold is only released, once (place a new hold to change it)';
  end if;
  return new;
end $$;
create trigger legal_holds_guarded before update or delete on legal_holds
  for each row execute function legal_holds_guard();

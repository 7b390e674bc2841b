-- The revised Anti-Money Laundering Law of the PRC (《中华人民共和国反洗钱法》, revised 2024-11-08, in force
-- 2025-01-01), Art. 34: a financial institution keeps customer due-diligence (identity) records and transaction
-- records for at least ten years after the business relationship ends. The rule book said five years
-- (`closed_credit_records_5y`, migration 0803, citing the 2006 law). Rules are dated data, never edited:
-- a new rule in force from the law's own date, and the old one retired (kept for history: an examiner reads
-- which rule applied when). The erasure planner applies, on its business date, the rules in force that day,
-- the longest of a basis when several are (erasure-holds.ts `ruleInForce`), so from 2025-01-01 a closed
-- contract keeps its records 120 months from the close.
insert into retention_rules (id, basis, keep_months, citation_zh, citation_en, effective_from, created_by, created_at)
values
  ('closed_credit_records_10y_aml2025', 'closed_credit', 120,
   '已结清的信贷合同及交易记录：自结清之日起保存 10 年（《中华人民共和国反洗钱法》（2024年修订，2025年1月1日起施行）第三十四条：客户身份资料和交易记录自业务关系结束后至少保存十年）',
   'A closed credit contract and its transaction records: kept 10 years from the close date (the Anti-Money Laundering Law of the PRC, revised 2024, in force from 1 January 2025, Art. 34: customer identity and transaction records are kept at least ten years after the business relationship ends)',
   '2025-01-01', 'migration 0833', '2026-12-08T00:00:00Z');

-- Retired, not deleted: the five-year rule stays in the book for the requests decided under it.
update retention_rules set retired_on = '2026-12-08' where id = 'closed_credit_records_5y';

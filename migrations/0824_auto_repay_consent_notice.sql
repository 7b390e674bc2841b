-- The auto-repay notice as a consent notice (issue 15, item 5): consent_notices (0821) accepts the purpose
-- auto_repay, and version 1 — the text a customer accepts when turning auto-repay on for a loan or line, until
-- now kept in code (src/lending/payments/auto-repay.ts) — is stored with its SHA-256 (the layout of 0821:
-- purpose, version and both texts, length-prefixed). Grants in auto_repay_consents name this version and hash.
-- A new text is a new version (a later migration); identity's consent API (/v1/consent-notices) lists only
-- its own purposes.

alter table consent_notices drop constraint consent_notices_purpose_check;
alter table consent_notices add constraint consent_notices_purpose
  check (purpose in ('credit_assessment', 'marketing', 'bureau_query', 'bureau_reporting', 'auto_repay'));

insert into consent_notices (purpose, version, effective_from, text_zh, text_en, sha256, published_at, published_by)
values ('auto_repay', 1, '2026-01-01T00:00:00.000Z',
  '开通自动还款后，我们会在每期还款日从您选定的已绑定银行卡扣取当期应还金额（含已到期未还的本息、罚息与费用），扣款失败时会在之后按公布的日期再次尝试，并短信告知您失败原因。每次扣款不超过当时应还的金额。您可以随时在App中关闭自动还款，关闭后不再扣款。',
  'With auto-repay on, on each due date we collect what is due (principal, interest, penalty interest and fees due and unpaid) from the bound bank card you chose; if a collection fails we try again on the published days and tell you why by SMS. We never collect more than is due at the time. You can turn auto-repay off in the app at any time; from then on nothing is collected.',
  'ce5b368e6c539200254fb957c92fb0c18188993c0407695a6abb7de24ce2c303', '2026-01-01T00:00:00Z', 'migration 0824');

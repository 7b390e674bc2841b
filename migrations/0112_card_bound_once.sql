-- One bank card, one customer (issue 12, item 8).
--
-- ID numbers are unique across customers (the use case checks the blind index under an advisory lock);
-- cards were not: one card could be bound to several customers. Binding now refuses a card bound (and not
-- removed) to another customer, the same way. The distribution rule rules out a unique index without
-- customer_id, so this is a plain index for that look-up across customers; uniqueness is the use case's,
-- under `pg_advisory_xact_lock` on the card's blind index. Cards bound twice before this migration stay as
-- they are (see docs/identity.md for how to find them).
create index customer_cards_by_card on customer_cards (card_bidx) where removed_at is null;

-- Monitoring (src/monitoring/) reads decisions by business date: outcome rates per day, drift per week,
-- policy simulations over a range of dates. It keeps no tables of its own — every figure is computed
-- from the decision records — but it pages through a window in (decision_date, id) order, which this
-- index serves (a plain index: the distribution rule concerns primary keys and unique indexes only).
create index decisions_by_date on decisions (decision_date, id);

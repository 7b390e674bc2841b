-- A policy version is immutable once loaded (0300): decisions record its id, replay recompiles its graph,
-- and its checksum is what an auditor compares. Nothing in Credence updates or deletes one; these guards
-- make the database refuse it too, so an active version cannot be edited in place by hand either — a
-- change is a new version.
create function policy_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = 'policy_versions are immutable once loaded: ' || TG_OP || ' is refused; load a new version';
end $$;

create trigger policy_versions_no_change before update or delete on policy_versions
  for each row execute function policy_versions_immutable();
create trigger policy_versions_no_truncate before truncate on policy_versions
  for each statement execute function policy_versions_immutable();

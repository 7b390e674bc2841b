-- Collections (issue 15, item 3): a staff role for collectors. A collector works the collections queue —
-- claims cases, logs contacts, records promises to pay — and nothing else; reviewers, analysts and admins
-- keep their roles. API keys and console users may both hold it.

alter table api_keys drop constraint api_keys_role_check;
alter table api_keys add constraint api_keys_role_check
  check (role in ('app', 'reviewer', 'analyst', 'collector', 'admin'));

alter table staff_users drop constraint staff_users_role_check;
alter table staff_users add constraint staff_users_role_check
  check (role in ('reviewer', 'analyst', 'collector', 'admin'));

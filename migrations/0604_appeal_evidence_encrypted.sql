-- Appeal evidence encrypted at rest (issue 12, item 2).
--
-- `appeal_evidence.content` held the file in clear (an ID-card scan, a payslip) while names and ID numbers
-- are AES-256-GCM encrypted. New files are stored in `content_ciphertext` under the PII keys, with the key
-- id in `content_key_id` (the vault's format: version | IV | tag | ciphertext, bound to the customer and
-- the evidence id), and `content` stays null.
--
-- A migration cannot encrypt (it has no keys), so rows written before stay in clear until
-- `credence kyc reencrypt` (which also rotates keys) moves them over; the code reads both forms meanwhile.
-- From now on no row may be written in clear (a NOT VALID check: enforced for new and updated rows,
-- not for those already there), and the one UPDATE allowed is the move to (another) ciphertext.

alter table appeal_evidence alter column content drop not null;
alter table appeal_evidence add column content_ciphertext bytea;
alter table appeal_evidence add column content_key_id text;

-- The checks on the clear bytes (length, SHA-256, magic bytes) now hold only where the bytes are in clear;
-- for a sealed file the code checks them before sealing and after opening.
do $$
declare
  found record;
begin
  for found in
    select conname from pg_constraint
     where conrelid = 'appeal_evidence'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%content%'
  loop
    execute format('alter table appeal_evidence drop constraint %I', found.conname);
  end loop;
end $$;

alter table appeal_evidence add constraint appeal_evidence_clear_content check (
  content is null or (
    octet_length(content) = size_bytes
    and sha256 = encode(sha256(content), 'hex')
    and (
      (media_type = 'image/jpeg' and substring(content from 1 for 3) = '\xffd8ff'::bytea)
      or (media_type = 'image/png' and substring(content from 1 for 8) = '\x89504e470d0a1a0a'::bytea)
      or (media_type = 'application/pdf' and substring(content from 1 for 5) = '\x255044462d'::bytea)
    )
  )
);
-- Exactly one form, and a ciphertext names its key; version(1) + IV(12) + tag(16) + the file's bytes.
alter table appeal_evidence add constraint appeal_evidence_one_form
  check ((content is null) <> (content_ciphertext is null));
alter table appeal_evidence add constraint appeal_evidence_key_named
  check ((content_ciphertext is null) = (content_key_id is null));
alter table appeal_evidence add constraint appeal_evidence_sealed_length
  check (content_ciphertext is null or octet_length(content_ciphertext) = size_bytes + 29);
alter table appeal_evidence add constraint appeal_evidence_sealed_from_now
  check (content is null) not valid;

-- Evidence is never rewritten or deleted; the one change allowed is sealing (a clear row encrypted, or a
-- ciphertext moved to another key), with every other column as it was.
create function appeal_evidence_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = 'appeal_evidence is append-only: ' || tg_op || ' is refused';
  end if;
  if new.content is not null or new.content_ciphertext is null
     or (new.customer_id, new.id, new.media_type, new.size_bytes, new.sha256, new.uploaded_at, new.uploaded_by)
        is distinct from
        (old.customer_id, old.id, old.media_type, old.size_bytes, old.sha256, old.uploaded_at, old.uploaded_by)
  then
    raise exception using errcode = '55000',
      message = 'appeal_evidence is append-only: UPDATE is refused (only sealing the content under a key is allowed)';
  end if;
  return new;
end $$;

drop trigger appeal_evidence_immutable on appeal_evidence;
create trigger appeal_evidence_immutable before update or delete on appeal_evidence
  for each row execute function appeal_evidence_guard();

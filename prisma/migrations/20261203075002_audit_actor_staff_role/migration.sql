-- Each audit event records whether its actor was platform staff when it was written: a tenant's own readers are
-- not shown a staff person's source IP and user agent (issue 11; lib/domain/audit/queries.ts withholds them).
--
-- An insert trigger fills actor_staff_role from the acting user's users.staff_role at that moment, whatever the
-- writer sends, so every insert path (writeAudit, the demo seed, raw SQL) records it alike and none can forge it.
-- It is hashed into the chain when set, and left out of the canonical form when NULL, so the events written
-- before this migration keep their hashes (and show their addresses: they cannot be marked after the fact).

ALTER TABLE audit_log ADD COLUMN actor_staff_role staff_role;

CREATE FUNCTION audit_log_actor_staff_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor_staff_role := NULL;
  -- services, the system and ids that are not a user's have none
  IF NEW.actor_type = 'user' AND NEW.actor_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    SELECT staff_role INTO NEW.actor_staff_role FROM users WHERE id = NEW.actor_id::uuid;
  END IF;
  RETURN NEW;
END;
$$;
-- Triggers of one event fire in the order of their names: this one before audit_log_chain, which hashes the row.
CREATE TRIGGER audit_log_actor_staff_role BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_actor_staff_role();

-- The canonical form gains actor.staff_role, only when there is one. The form without it is kept under its own
-- name; audit_log_hash and the verifier (lib/domain/audit/integrity.ts) call audit_log_canonical by name.
ALTER FUNCTION audit_log_canonical(audit_log) RENAME TO audit_log_canonical_without_staff_role;
CREATE FUNCTION audit_log_canonical(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN r.actor_staff_role IS NULL THEN audit_log_canonical_without_staff_role(r)
    ELSE jsonb_set(audit_log_canonical_without_staff_role(r)::jsonb, '{actor,staff_role}', to_jsonb(r.actor_staff_role))::text
  END
$$;

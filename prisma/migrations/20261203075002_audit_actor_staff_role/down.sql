-- reverts audit_actor_staff_role. Events written meanwhile by staff were hashed with their staff role, so
-- verifying them fails afterwards.
DROP FUNCTION audit_log_canonical(audit_log);
ALTER FUNCTION audit_log_canonical_without_staff_role(audit_log) RENAME TO audit_log_canonical;
DROP TRIGGER audit_log_actor_staff_role ON audit_log;
DROP FUNCTION audit_log_actor_staff_role();
ALTER TABLE audit_log DROP COLUMN actor_staff_role;

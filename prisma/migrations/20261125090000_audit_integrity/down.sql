DROP INDEX IF EXISTS audit_log_target_name_trgm_idx, audit_log_created_at_id_idx, audit_log_tenant_failures_idx,
  audit_log_tenant_target_type_idx, audit_log_tenant_actor_name_idx, audit_log_tenant_actor_id_idx,
  audit_log_tenant_area_idx, audit_log_tenant_action_idx;
CREATE INDEX audit_log_tenant_action_idx ON audit_log (tenant_id, action, created_at DESC);
DROP EXTENSION IF EXISTS pg_trgm;
DROP TRIGGER IF EXISTS audit_log_refuse_truncate ON audit_log;
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
DROP TRIGGER IF EXISTS audit_log_chain ON audit_log;
DROP FUNCTION IF EXISTS audit_log_refuse_truncate(), audit_log_append_only(), audit_log_retention_days(text),
  audit_log_chain(), audit_log_hash(bytea, audit_log), audit_log_canonical(audit_log);
ALTER TABLE audit_log ALTER COLUMN created_at SET DEFAULT now();
ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN seq, DROP COLUMN chain;

-- The audit log made append-only and tamper-evident, and indexed for its viewer (issue 6).
--
-- Every row joins a hash chain: one chain per tenant ('tenant:<uuid>') and one for platform events
-- ('platform'). A BEFORE INSERT trigger, not the application, fills chain, seq, prev_hash and hash, so no
-- insert path (writeAudit, the lifecycle job, the demo seed, raw SQL) can skip or forge them:
--   hash = sha256(prev_hash ‖ audit_log_canonical(row))
-- where prev_hash is the hash of the chain's previous row (NULL for its first). Writers of one chain are
-- serialized by a transaction-scoped advisory lock taken before the chain's head is read, and
-- UNIQUE (chain, seq) makes a fork impossible even so. lib/domain/audit/integrity.ts walks a chain and
-- recomputes every hash.
--
-- tenant_id and project_id are not hashed: they are the two columns the database itself clears (ON DELETE SET
-- NULL when the tenant or project goes). The tenant is hashed through chain, which never changes.

-- ─── chain columns, filled for the rows already there ─────────────────────────────────────────────────────────
ALTER TABLE audit_log
  ADD COLUMN chain     TEXT,
  ADD COLUMN seq       BIGINT,
  ADD COLUMN prev_hash BYTEA,
  ADD COLUMN hash      BYTEA;
-- Set by the insert trigger; the event time is the moment of the insert, to the microsecond, not the start of
-- its transaction, so a page read meanwhile is not passed by an event stamped earlier.
ALTER TABLE audit_log ALTER COLUMN created_at SET DEFAULT clock_timestamp();

-- The event's content as canonical JSON (jsonb's text form: keys in a fixed order, one spelling per value).
CREATE FUNCTION audit_log_canonical(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'chain', r.chain,
    'seq', r.seq,
    'actor', jsonb_build_object('id', r.actor_id, 'name', r.actor_name, 'type', r.actor_type),
    'action', r.action,
    'target', jsonb_build_object('id', r.target_id, 'type', r.target_type, 'name', r.target_name),
    'product', r.product,
    'description', r.description,
    'is_failure', r.is_failure,
    'metadata', r.metadata,
    'source_ip', r.source_ip::text,
    'user_agent', r.user_agent,
    'created_at', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text
$$;

CREATE FUNCTION audit_log_hash(prev_hash bytea, r audit_log) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT sha256(coalesce(prev_hash, ''::bytea) || convert_to(audit_log_canonical(r), 'UTF8'))
$$;

DO $$
DECLARE
  r audit_log;
  previous_chain TEXT;
  previous_hash BYTEA;
  n BIGINT;
BEGIN
  FOR r IN
    SELECT * FROM audit_log
    ORDER BY CASE WHEN tenant_id IS NULL THEN 'platform' ELSE 'tenant:' || tenant_id END, created_at, id
  LOOP
    r.chain := CASE WHEN r.tenant_id IS NULL THEN 'platform' ELSE 'tenant:' || r.tenant_id END;
    IF r.chain IS DISTINCT FROM previous_chain THEN
      previous_chain := r.chain;
      previous_hash := NULL;
      n := 0;
    END IF;
    n := n + 1;
    r.seq := n;
    r.prev_hash := previous_hash;
    r.hash := audit_log_hash(previous_hash, r);
    UPDATE audit_log SET chain = r.chain, seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    previous_hash := r.hash;
  END LOOP;
END;
$$;

ALTER TABLE audit_log
  ALTER COLUMN chain SET NOT NULL,
  ALTER COLUMN seq SET NOT NULL,
  ALTER COLUMN hash SET NOT NULL,
  ADD CONSTRAINT audit_log_chain_format CHECK (chain = 'platform' OR chain ~ '^tenant:[0-9a-f-]{36}$'),
  -- a row's tenant may be cleared (its tenant deleted), never moved to another chain
  ADD CONSTRAINT audit_log_tenant_in_chain CHECK (tenant_id IS NULL OR chain = 'tenant:' || tenant_id);
CREATE UNIQUE INDEX audit_log_chain_seq_key ON audit_log (chain, seq);

-- ─── the chain trigger ────────────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq BIGINT;
  head_hash BYTEA;
BEGIN
  NEW.chain := CASE WHEN NEW.tenant_id IS NULL THEN 'platform' ELSE 'tenant:' || NEW.tenant_id END;
  -- One writer per chain until its transaction ends (1635083369 = 'audi', this lock's class). The head is read
  -- after the lock, by a statement with a fresh snapshot, so it is the previous writer's committed row.
  PERFORM pg_advisory_xact_lock(1635083369, hashtext(NEW.chain));
  SELECT seq, hash INTO head_seq, head_hash FROM audit_log WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(head_seq, 0) + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_log_hash(head_hash, NEW);
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- ─── append-only ──────────────────────────────────────────────────────────────────────────────────────────────
-- How long a chain keeps its events: its tenant's audit_retention_days; 400 days for platform events and for
-- a tenant that no longer exists.
CREATE FUNCTION audit_log_retention_days(chain text) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT audit_retention_days FROM tenants
     WHERE chain LIKE 'tenant:%' AND id = substr(chain, 8)::uuid),
    400)
$$;

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- The one change allowed: a foreign key's ON DELETE SET NULL (run from the referential trigger of the
    -- tenant or project being deleted, hence nested) clearing tenant_id or project_id and nothing else.
    IF pg_trigger_depth() > 1
       AND (NEW.tenant_id IS NULL OR NEW.tenant_id = OLD.tenant_id)
       AND (NEW.project_id IS NULL OR NEW.project_id = OLD.project_id)
       AND to_jsonb(NEW) - 'tenant_id' - 'project_id' = to_jsonb(OLD) - 'tenant_id' - 'project_id' THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: event % cannot be changed', OLD.id
      USING ERRCODE = 'insufficient_privilege', HINT = 'Audit events are immutable; record a new event instead.';
  END IF;
  -- DELETE: only the retention job (lib/domain/audit/retention.ts), which sets gatehouse.audit_retention in its
  -- transaction, and only events older than their chain's retention.
  IF current_setting('gatehouse.audit_retention', true) = 'on'
     AND OLD.created_at < now() - make_interval(days => audit_log_retention_days(OLD.chain)) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: event % cannot be deleted', OLD.id
    USING ERRCODE = 'insufficient_privilege', HINT = 'Only the retention job removes events, once they are older than the retention.';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE FUNCTION audit_log_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: it cannot be truncated' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_refuse_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_truncate();

-- ─── the viewer's indexes ─────────────────────────────────────────────────────────────────────────────────────
-- Every page is `WHERE <scope> AND <filters> AND (created_at, id) < cursor ORDER BY created_at DESC, id DESC
-- LIMIT 51`: each filter has an index that starts with tenant_id and ends with the page order, so a page reads
-- about 51 index entries however deep it is. Measured by `npm run bench:audit` on 1M events in one tenant.
DROP INDEX audit_log_tenant_action_idx;
CREATE INDEX audit_log_tenant_action_idx ON audit_log (tenant_id, action, created_at DESC, id DESC);
-- an action area (api_key.*): the part before the first dot
CREATE INDEX audit_log_tenant_area_idx ON audit_log (tenant_id, split_part(action, '.', 1), created_at DESC, id DESC);
CREATE INDEX audit_log_tenant_actor_id_idx ON audit_log (tenant_id, actor_id, created_at DESC, id DESC);
CREATE INDEX audit_log_tenant_actor_name_idx ON audit_log (tenant_id, actor_name, created_at DESC, id DESC);
CREATE INDEX audit_log_tenant_target_type_idx ON audit_log (tenant_id, target_type, created_at DESC, id DESC);
CREATE INDEX audit_log_tenant_failures_idx ON audit_log (tenant_id, created_at DESC, id DESC) WHERE is_failure;
-- staff read across tenants
CREATE INDEX audit_log_created_at_id_idx ON audit_log (created_at DESC, id DESC);
-- free text over the target's name (ILIKE '%…%')
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX audit_log_target_name_trgm_idx ON audit_log USING gin (target_name gin_trgm_ops);

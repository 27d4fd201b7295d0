-- updated_at on the mutable tables that had none: NextAuth's accounts (tokens refreshed) and sessions (renewed,
-- last seen), and the usage rollups (upserted by every ingested batch). Bumped by the init migration's trigger.
-- Append-only audit_log and usage_events, and verification_tokens (inserted, then deleted), stay without.
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['accounts', 'sessions', 'usage_hourly', 'usage_daily'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now()', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION touch_updated_at()',
                   t || '_touch_updated_at', t);
  END LOOP;
END;
$$;

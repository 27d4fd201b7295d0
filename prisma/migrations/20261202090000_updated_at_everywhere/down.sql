DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['accounts', 'sessions', 'usage_hourly', 'usage_daily'] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_touch_updated_at', t);
    EXECUTE format('ALTER TABLE %I DROP COLUMN updated_at', t);
  END LOOP;
END;
$$;

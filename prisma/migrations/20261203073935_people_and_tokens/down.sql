-- The token columns come back empty: the tokens they held are gone.
ALTER TABLE accounts
  ADD COLUMN refresh_token TEXT,
  ADD COLUMN access_token TEXT,
  ADD COLUMN expires_at INTEGER,
  ADD COLUMN refresh_token_expires_in INTEGER,
  ADD COLUMN token_type TEXT,
  ADD COLUMN id_token TEXT,
  ADD COLUMN session_state TEXT;

DROP INDEX users_search_trgm_idx, users_disabled_display_name_idx, users_staff_display_name_idx, users_display_name_idx;
ALTER TABLE users DROP COLUMN disabled_at;

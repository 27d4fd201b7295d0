-- People managed in the console (README, "People and platform staff"): an account can be disabled, the staff page
-- lists and searches everyone, and GitHub's OAuth tokens are no longer kept.

-- A disabled person's sessions end as they are disabled, and their sign-in is refused (lib/domain/people/service.ts).
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMPTZ(6);

-- The staff page (lib/domain/people/queries.ts) pages through people by display name (keyset on the name and id)
-- and searches name, login and e-mail for a substring: these are the queries' own expressions. Staff and disabled
-- people are few, so their filters get small partial indexes.
CREATE INDEX users_display_name_idx ON users ((lower(coalesce(name, github_login, email, ''))), id);
CREATE INDEX users_staff_display_name_idx ON users ((lower(coalesce(name, github_login, email, ''))), id)
  WHERE staff_role IS NOT NULL;
CREATE INDEX users_disabled_display_name_idx ON users ((lower(coalesce(name, github_login, email, ''))), id)
  WHERE disabled_at IS NOT NULL;
CREATE INDEX users_search_trgm_idx ON users
  USING gin ((lower(coalesce(name, '') || ' ' || coalesce(github_login, '') || ' ' || coalesce(email, ''))) gin_trgm_ops);

-- GitHub's access token is needed only while signing in, to read the profile and verified e-mail
-- (lib/auth/github.ts). The adapter keeps none any more (lib/auth/adapter.ts), and the columns go with every token
-- stored before. `scope` stays: what the person granted.
ALTER TABLE accounts
  DROP COLUMN access_token,
  DROP COLUMN refresh_token,
  DROP COLUMN id_token,
  DROP COLUMN expires_at,
  DROP COLUMN refresh_token_expires_in,
  DROP COLUMN token_type,
  DROP COLUMN session_state;

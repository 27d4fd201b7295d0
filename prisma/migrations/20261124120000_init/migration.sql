-- Gatehouse initial schema: every table of DESIGN.md's data model.
-- Kept in step with prisma/schema.prisma by hand; tests/db/schema-agreement.test.ts checks the two agree.
-- What Prisma's schema cannot say lives only here: CHECKs, partial and NULLS NOT DISTINCT indexes, triggers.

-- ─── enums ───────────────────────────────────────────────────────────────────────────────────────────────────
CREATE TYPE tenant_status AS ENUM ('demo', 'trial', 'active', 'frozen', 'archived');
CREATE TYPE tenant_kind AS ENUM ('customer', 'demo');
CREATE TYPE tenant_plan AS ENUM ('free', 'starter', 'pro', 'enterprise');
CREATE TYPE idp_kind AS ENUM ('oidc', 'saml');
CREATE TYPE tenant_project_status AS ENUM ('active', 'archived');
CREATE TYPE member_role AS ENUM ('owner', 'member', 'viewer');
CREATE TYPE staff_role AS ENUM ('admin', 'sales', 'support');
CREATE TYPE routing_strategy AS ENUM ('passthrough', 'cheapest', 'quality-first', 'cascading');
CREATE TYPE complexity AS ENUM ('low', 'medium', 'high');
CREATE TYPE actor_type AS ENUM ('user', 'service', 'system');
CREATE TYPE webhook_delivery_status AS ENUM ('pending', 'succeeded', 'failed');

-- Bumps updated_at on every UPDATE of a mutable table (triggers at the end of this file).
CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- ─── tenants ─────────────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE tenants (
  id                   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  slug                 TEXT NOT NULL CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
  name                 TEXT NOT NULL CONSTRAINT tenants_name_not_blank CHECK (btrim(name) <> ''),
  status               tenant_status NOT NULL DEFAULT 'trial',
  kind                 tenant_kind NOT NULL DEFAULT 'customer',
  plan                 tenant_plan NOT NULL DEFAULT 'starter',
  erp_customer_id      TEXT,
  stripe_customer_id   TEXT,
  trial_ends_at        TIMESTAMPTZ(6),
  contract_start       DATE,
  contract_end         DATE,
  sales_owner          TEXT,
  status_changed_at    TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  monthly_budget_usd   NUMERIC(12, 2) CONSTRAINT tenants_budget_positive CHECK (monthly_budget_usd > 0),
  budget_alert_pct     INTEGER NOT NULL DEFAULT 80 CONSTRAINT tenants_budget_alert_pct_range CHECK (budget_alert_pct BETWEEN 1 AND 100),
  audit_retention_days INTEGER NOT NULL DEFAULT 400 CONSTRAINT tenants_audit_retention_min CHECK (audit_retention_days >= 30),
  settings             JSONB NOT NULL DEFAULT '{}',
  created_at           TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at           TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  -- status demo exactly when kind demo, except that a demo tenant may be archived
  CONSTRAINT tenants_demo_status_matches_kind CHECK ((status = 'demo') = (kind = 'demo') OR (kind = 'demo' AND status = 'archived')),
  CONSTRAINT tenants_trial_has_end CHECK (status <> 'trial' OR trial_ends_at IS NOT NULL),
  CONSTRAINT tenants_contract_dates_ordered CHECK (contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start)
);
CREATE UNIQUE INDEX tenants_slug_key ON tenants (slug);
CREATE UNIQUE INDEX tenants_erp_customer_id_key ON tenants (erp_customer_id);
CREATE UNIQUE INDEX tenants_stripe_customer_id_key ON tenants (stripe_customer_id);
CREATE INDEX tenants_status_idx ON tenants (status);
CREATE INDEX tenants_kind_idx ON tenants (kind);
CREATE INDEX tenants_trial_ends_idx ON tenants (trial_ends_at) WHERE trial_ends_at IS NOT NULL;

CREATE TABLE tenant_projects (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id  UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  name       TEXT NOT NULL,
  slug       TEXT NOT NULL CONSTRAINT tenant_projects_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$'),
  status     tenant_project_status NOT NULL DEFAULT 'active',
  created_at TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenant_projects_tenant_id_slug_key ON tenant_projects (tenant_id, slug);

CREATE TABLE tenant_products (
  tenant_id  UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  product    TEXT NOT NULL,
  enabled    BOOLEAN NOT NULL DEFAULT true,
  config     JSONB NOT NULL DEFAULT '{}',
  expires_at TIMESTAMPTZ(6),
  created_at TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, product)
);
CREATE INDEX tenant_products_enabled_idx ON tenant_products (product) WHERE enabled;

CREATE TABLE tenant_idp_config (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id  UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  type       idp_kind NOT NULL,
  metadata   JSONB NOT NULL DEFAULT '{}',
  verified   BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenant_idp_config_tenant_id_type_key ON tenant_idp_config (tenant_id, type);

-- ─── people and sessions ─────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE users (
  id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  github_id       BIGINT,
  github_login    TEXT,
  email           TEXT,
  email_verified  TIMESTAMPTZ(6),
  name            TEXT,
  avatar_url      TEXT,
  staff_role      staff_role,
  last_sign_in_at TIMESTAMPTZ(6),
  created_at      TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_github_id_key ON users (github_id);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id  UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  role       member_role NOT NULL DEFAULT 'member',
  created_at TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX memberships_tenant_id_user_id_key ON memberships (tenant_id, user_id);
CREATE INDEX memberships_user_id_idx ON memberships (user_id);

CREATE TABLE invitations (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  email         TEXT NOT NULL CONSTRAINT invitations_email_lowercase CHECK (email = lower(email)),
  role          member_role NOT NULL DEFAULT 'member',
  token_hash    TEXT NOT NULL,
  invited_by_id UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  expires_at    TIMESTAMPTZ(6) NOT NULL,
  accepted_at   TIMESTAMPTZ(6),
  revoked_at    TIMESTAMPTZ(6),
  created_at    TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
CREATE INDEX invitations_tenant_id_idx ON invitations (tenant_id);
CREATE UNIQUE INDEX invitations_one_pending_per_email ON invitations (tenant_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE accounts (
  id                       UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id                  UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  type                     TEXT NOT NULL,
  provider                 TEXT NOT NULL,
  provider_account_id      TEXT NOT NULL,
  refresh_token            TEXT,
  access_token             TEXT,
  expires_at               INTEGER,
  refresh_token_expires_in INTEGER,
  token_type               TEXT,
  scope                    TEXT,
  id_token                 TEXT,
  session_state            TEXT
);
CREATE UNIQUE INDEX accounts_provider_provider_account_id_key ON accounts (provider, provider_account_id);
CREATE INDEX accounts_user_id_idx ON accounts (user_id);

CREATE TABLE sessions (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  session_token TEXT NOT NULL,
  user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  expires       TIMESTAMPTZ(6) NOT NULL,
  ip_address    INET,
  user_agent    TEXT,
  created_at    TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  last_seen_at  TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sessions_session_token_key ON sessions (session_token);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE verification_tokens (
  identifier TEXT NOT NULL,
  token      TEXT NOT NULL,
  expires    TIMESTAMPTZ(6) NOT NULL
);
CREATE UNIQUE INDEX verification_tokens_token_key ON verification_tokens (token);
CREATE UNIQUE INDEX verification_tokens_identifier_token_key ON verification_tokens (identifier, token);

-- ─── gateway configuration ───────────────────────────────────────────────────────────────────────────────────
CREATE TABLE api_keys (
  id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  project_id    UUID REFERENCES tenant_projects (id) ON DELETE SET NULL ON UPDATE CASCADE,
  product       TEXT,
  name          TEXT NOT NULL,
  prefix        TEXT NOT NULL,
  hash          TEXT NOT NULL CONSTRAINT api_keys_hash_is_argon2id CHECK (hash LIKE '$argon2id$%'),
  scopes        TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  created_by_id UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  last_used_at  TIMESTAMPTZ(6),
  expires_at    TIMESTAMPTZ(6),
  revoked_at    TIMESTAMPTZ(6),
  rolled_to_id  UUID REFERENCES api_keys (id) ON DELETE SET NULL ON UPDATE CASCADE,
  created_at    TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX api_keys_rolled_to_id_key ON api_keys (rolled_to_id);
CREATE INDEX api_keys_tenant_id_idx ON api_keys (tenant_id);
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix);
-- the lookup prefix is unique among keys still in force (seed 000)
CREATE UNIQUE INDEX api_keys_active_prefix_key ON api_keys (prefix) WHERE revoked_at IS NULL;

CREATE TABLE provider_configs (
  id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  provider          TEXT NOT NULL,
  encrypted_api_key BYTEA NOT NULL,
  key_version       INTEGER NOT NULL DEFAULT 1,
  key_last4         TEXT NOT NULL CONSTRAINT provider_configs_last4_length CHECK (char_length(key_last4) <= 4),
  base_url          TEXT,
  is_default        BOOLEAN NOT NULL DEFAULT false,
  created_by_id     UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  created_at        TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX provider_configs_tenant_id_provider_key ON provider_configs (tenant_id, provider);

CREATE TABLE routing_rules (
  id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id        UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  priority         INTEGER NOT NULL DEFAULT 0,
  name             TEXT NOT NULL,
  match_model      TEXT,
  match_feature    TEXT,
  match_team       TEXT,
  match_complexity complexity,
  strategy         routing_strategy NOT NULL DEFAULT 'passthrough',
  target_model     TEXT,
  target_provider  TEXT,
  fallback_models  TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  enabled          BOOLEAN NOT NULL DEFAULT true,
  created_at       TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at       TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  CONSTRAINT routing_rules_cascading_has_fallbacks CHECK (strategy <> 'cascading' OR cardinality(fallback_models) > 0)
);
CREATE INDEX routing_rules_tenant_id_priority_idx ON routing_rules (tenant_id, priority);

CREATE TABLE model_prices (
  id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  provider           TEXT NOT NULL,
  model              TEXT NOT NULL,
  input_cost_per_1k  NUMERIC(12, 6) NOT NULL CONSTRAINT model_prices_input_nonnegative CHECK (input_cost_per_1k >= 0),
  output_cost_per_1k NUMERIC(12, 6) NOT NULL CONSTRAINT model_prices_output_nonnegative CHECK (output_cost_per_1k >= 0),
  effective_date     DATE NOT NULL DEFAULT CURRENT_DATE,
  created_at         TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX model_prices_provider_model_effective_date_key ON model_prices (provider, model, effective_date);

CREATE TABLE feature_flags (
  id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   UUID REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  flag_key    TEXT NOT NULL CONSTRAINT feature_flags_key_format CHECK (flag_key ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  description TEXT,
  enabled     BOOLEAN NOT NULL DEFAULT false,
  rollout_pct INTEGER NOT NULL DEFAULT 0 CONSTRAINT feature_flags_rollout_range CHECK (rollout_pct BETWEEN 0 AND 100),
  metadata    JSONB NOT NULL DEFAULT '{}',
  created_at  TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX feature_flags_tenant_id_flag_key_key ON feature_flags (tenant_id, flag_key);
-- The seed's UNIQUE(org_id, flag_key) let two global flags share a key, NULLs being distinct; this closes that.
CREATE UNIQUE INDEX feature_flags_global_flag_key_key ON feature_flags (flag_key) WHERE tenant_id IS NULL;

-- ─── usage ───────────────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE usage_events (
  id              BIGSERIAL PRIMARY KEY,
  tenant_id       UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  api_key_id      UUID REFERENCES api_keys (id) ON DELETE SET NULL ON UPDATE CASCADE,
  request_id      TEXT NOT NULL,
  occurred_at     TIMESTAMPTZ(6) NOT NULL,
  provider        TEXT NOT NULL,
  model           TEXT NOT NULL,
  requested_model TEXT,
  routing_rule_id UUID REFERENCES routing_rules (id) ON DELETE SET NULL ON UPDATE CASCADE,
  feature         TEXT,
  team            TEXT,
  input_tokens    INTEGER NOT NULL DEFAULT 0 CONSTRAINT usage_events_input_tokens_nonnegative CHECK (input_tokens >= 0),
  output_tokens   INTEGER NOT NULL DEFAULT 0 CONSTRAINT usage_events_output_tokens_nonnegative CHECK (output_tokens >= 0),
  cost_usd        NUMERIC(18, 10),
  latency_ms      INTEGER NOT NULL CONSTRAINT usage_events_latency_nonnegative CHECK (latency_ms >= 0),
  status          INTEGER NOT NULL CONSTRAINT usage_events_status_http CHECK (status BETWEEN 100 AND 599),
  created_at      TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX usage_events_tenant_id_request_id_key ON usage_events (tenant_id, request_id);
CREATE INDEX usage_events_tenant_id_occurred_at_idx ON usage_events (tenant_id, occurred_at);

-- NULLS NOT DISTINCT lets ON CONFLICT find the rollup row of events without a key, feature or team.
CREATE TABLE usage_hourly (
  id                BIGSERIAL PRIMARY KEY,
  tenant_id         UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  hour              TIMESTAMPTZ(6) NOT NULL CONSTRAINT usage_hourly_hour_aligned CHECK (hour = date_trunc('hour', hour)),
  api_key_id        UUID REFERENCES api_keys (id) ON DELETE SET NULL ON UPDATE CASCADE,
  provider          TEXT NOT NULL,
  model             TEXT NOT NULL,
  feature           TEXT,
  team              TEXT,
  requests          BIGINT NOT NULL DEFAULT 0,
  errors            BIGINT NOT NULL DEFAULT 0,
  input_tokens      BIGINT NOT NULL DEFAULT 0,
  output_tokens     BIGINT NOT NULL DEFAULT 0,
  cost_usd          NUMERIC(20, 10) NOT NULL DEFAULT 0,
  unpriced_requests BIGINT NOT NULL DEFAULT 0,
  latency_ms_sum    BIGINT NOT NULL DEFAULT 0,
  latency_histogram BIGINT[] NOT NULL DEFAULT ARRAY[]::BIGINT[]
);
CREATE UNIQUE INDEX usage_hourly_tenant_id_hour_api_key_id_provider_model_feature_team_key
  ON usage_hourly (tenant_id, hour, api_key_id, provider, model, feature, team) NULLS NOT DISTINCT;

CREATE TABLE usage_daily (
  id                BIGSERIAL PRIMARY KEY,
  tenant_id         UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  day               DATE NOT NULL,
  api_key_id        UUID REFERENCES api_keys (id) ON DELETE SET NULL ON UPDATE CASCADE,
  provider          TEXT NOT NULL,
  model             TEXT NOT NULL,
  feature           TEXT,
  team              TEXT,
  requests          BIGINT NOT NULL DEFAULT 0,
  errors            BIGINT NOT NULL DEFAULT 0,
  input_tokens      BIGINT NOT NULL DEFAULT 0,
  output_tokens     BIGINT NOT NULL DEFAULT 0,
  cost_usd          NUMERIC(20, 10) NOT NULL DEFAULT 0,
  unpriced_requests BIGINT NOT NULL DEFAULT 0,
  latency_ms_sum    BIGINT NOT NULL DEFAULT 0,
  latency_histogram BIGINT[] NOT NULL DEFAULT ARRAY[]::BIGINT[]
);
CREATE UNIQUE INDEX usage_daily_tenant_id_day_api_key_id_provider_model_feature_team_key
  ON usage_daily (tenant_id, day, api_key_id, provider, model, feature, team) NULLS NOT DISTINCT;

-- ─── audit and webhooks ──────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE audit_log (
  id          BIGSERIAL PRIMARY KEY,
  tenant_id   UUID REFERENCES tenants (id) ON DELETE SET NULL ON UPDATE CASCADE,
  project_id  UUID REFERENCES tenant_projects (id) ON DELETE SET NULL ON UPDATE CASCADE,
  actor_id    TEXT,
  actor_name  TEXT,
  actor_type  actor_type NOT NULL,
  action      TEXT NOT NULL CONSTRAINT audit_log_action_format CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  target_id   TEXT,
  target_type TEXT,
  target_name TEXT,
  product     TEXT,
  description TEXT,
  is_failure  BOOLEAN NOT NULL DEFAULT false,
  metadata    JSONB NOT NULL DEFAULT '{}',
  source_ip   INET,
  user_agent  TEXT,
  created_at  TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
-- seed 002's audit indexes, keyed on (created_at, id) for keyset pagination
CREATE INDEX audit_log_tenant_id_created_at_id_idx ON audit_log (tenant_id, created_at DESC, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action);
CREATE INDEX audit_log_product_idx ON audit_log (product, created_at DESC) WHERE product IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_log_tenant_action_idx ON audit_log (tenant_id, action, created_at DESC);

CREATE TABLE webhooks (
  id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id         UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  name              TEXT NOT NULL,
  url               TEXT NOT NULL CONSTRAINT webhooks_url_http CHECK (url ~ '^https?://'),
  events            TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  encrypted_secret  BYTEA NOT NULL,
  key_version       INTEGER NOT NULL DEFAULT 1,
  is_active         BOOLEAN NOT NULL DEFAULT true,
  last_triggered_at TIMESTAMPTZ(6),
  created_at        TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_tenant_id_idx ON webhooks (tenant_id);

CREATE TABLE webhook_deliveries (
  id              BIGSERIAL PRIMARY KEY,
  webhook_id      UUID NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE ON UPDATE CASCADE,
  event           TEXT NOT NULL,
  payload         JSONB NOT NULL,
  status          webhook_delivery_status NOT NULL DEFAULT 'pending',
  attempts        INTEGER NOT NULL DEFAULT 0,
  response_status INTEGER,
  last_error      TEXT,
  next_attempt_at TIMESTAMPTZ(6),
  delivered_at    TIMESTAMPTZ(6),
  created_at      TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_webhook_id_created_at_idx ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- ─── updated_at triggers on every table that has the column ─────────────────────────────────────────────────
DO $$
DECLARE t TEXT;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_name = 'updated_at'
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION touch_updated_at()',
                   t || '_touch_updated_at', t);
  END LOOP;
END;
$$;

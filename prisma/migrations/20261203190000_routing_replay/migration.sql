-- Routing (issue 14). A usage event records the complexity the gateway routed it by, and a daily rollup keyed by
-- what routing rules match on (the requested model, feature, team, complexity) lets the what-if replay history
-- through draft rules without scanning usage_events. Events from before are rolled up under their served model
-- (when the gateway sent no requested model) with no complexity.
ALTER TABLE usage_events ADD COLUMN complexity complexity;

CREATE TABLE usage_routing_daily (
  id                BIGSERIAL PRIMARY KEY,
  tenant_id         UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE,
  day               DATE NOT NULL,
  requested_model   TEXT NOT NULL,
  feature           TEXT,
  team              TEXT,
  complexity        complexity,
  requests          BIGINT NOT NULL DEFAULT 0,
  input_tokens      BIGINT NOT NULL DEFAULT 0,
  output_tokens     BIGINT NOT NULL DEFAULT 0,
  cost_usd          NUMERIC(20, 10) NOT NULL DEFAULT 0,
  unpriced_requests BIGINT NOT NULL DEFAULT 0,
  updated_at        TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX usage_routing_daily_tenant_id_day_requested_model_feature_team_complexity_key
  ON usage_routing_daily (tenant_id, day, requested_model, feature, team, complexity) NULLS NOT DISTINCT;
CREATE TRIGGER usage_routing_daily_touch_updated_at BEFORE UPDATE ON usage_routing_daily
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

INSERT INTO usage_routing_daily (tenant_id, day, requested_model, feature, team, requests, input_tokens, output_tokens, cost_usd, unpriced_requests)
SELECT tenant_id, (occurred_at AT TIME ZONE 'UTC')::date, coalesce(requested_model, model), feature, team,
       count(*), sum(input_tokens), sum(output_tokens), coalesce(sum(cost_usd), 0), count(*) FILTER (WHERE cost_usd IS NULL)
  FROM usage_events
 GROUP BY 1, 2, 3, 4, 5;

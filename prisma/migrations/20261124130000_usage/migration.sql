-- Usage (issue 7): covering indexes for the platform-wide views (spend and requests per tenant over a range,
-- lib/domain/usage/queries.ts). The rollups' unique keys start with tenant_id, which serves one tenant's
-- dashboard but not "every tenant, these days"; these let those reads be index-only scans of a range instead
-- of a scan of the whole rollup. Measured on 5M events: the 30-day staff overview in less than half the time.
CREATE INDEX usage_daily_day_idx ON usage_daily (day) INCLUDE (tenant_id, requests, errors, cost_usd);
CREATE INDEX usage_hourly_hour_idx ON usage_hourly (hour) INCLUDE (tenant_id, requests, errors, cost_usd);

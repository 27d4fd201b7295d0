DROP TABLE IF EXISTS webhook_deliveries, webhooks, audit_log, usage_daily, usage_hourly, usage_events,
  feature_flags, model_prices, routing_rules, provider_configs, api_keys, verification_tokens, sessions,
  accounts, invitations, memberships, users, tenant_idp_config, tenant_products, tenant_projects, tenants;
DROP FUNCTION IF EXISTS touch_updated_at();
DROP TYPE IF EXISTS webhook_delivery_status, actor_type, complexity, routing_strategy, staff_role, member_role,
  tenant_project_status, idp_kind, tenant_plan, tenant_kind, tenant_status;

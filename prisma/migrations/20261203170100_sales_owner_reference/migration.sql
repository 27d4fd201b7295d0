-- sales_owner_reference
-- A tenant's sales owner is a staff person, not free text ("Bob Nobody" became a filter option, issue 13). Each
-- text value moves to the sales or admin staff person whose name, or else GitHub login, it is; a value naming
-- nobody (or only someone who may not own accounts) leaves the tenant without a sales owner, and its audit log
-- with the value it had.
ALTER TABLE tenants ADD COLUMN sales_owner_id UUID REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX tenants_sales_owner_id_idx ON tenants (sales_owner_id);

UPDATE tenants t SET sales_owner_id = (
  SELECT u.id FROM users u
  WHERE u.staff_role IN ('sales', 'admin') AND (u.name = t.sales_owner OR u.github_login = t.sales_owner)
  ORDER BY u.name = t.sales_owner DESC, u.id LIMIT 1
) WHERE t.sales_owner IS NOT NULL;

-- A value naming nobody such is not lost with its column: the tenant's audit log keeps it, as a details change
-- made by this migration (the insert trigger chains and hashes it like any other event).
INSERT INTO audit_log (tenant_id, actor_type, actor_name, action, target_id, target_type, target_name, description, metadata)
SELECT t.id, 'system', 'migration sales_owner_reference', 'tenant.details_updated', t.id::text, 'tenant', t.name,
  format('The sales owner "%s" names no sales or admin staff person, so it was cleared when sales owners became staff people.', t.sales_owner),
  jsonb_build_object('before', jsonb_build_object('salesOwner', t.sales_owner), 'after', jsonb_build_object('salesOwner', NULL))
FROM tenants t
WHERE t.sales_owner IS NOT NULL AND t.sales_owner_id IS NULL;

ALTER TABLE tenants DROP COLUMN sales_owner;

-- sales_owner_reference
-- A tenant's sales owner is a staff person, not free text ("Bob Nobody" became a filter option, issue 13). Each
-- text value moves to the sales or admin staff person whose name, or else GitHub login, it is; a value naming
-- nobody (or only someone who may not own accounts) leaves the tenant without a sales owner.
ALTER TABLE tenants ADD COLUMN sales_owner_id UUID REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX tenants_sales_owner_id_idx ON tenants (sales_owner_id);

UPDATE tenants t SET sales_owner_id = (
  SELECT u.id FROM users u
  WHERE u.staff_role IN ('sales', 'admin') AND (u.name = t.sales_owner OR u.github_login = t.sales_owner)
  ORDER BY u.name = t.sales_owner DESC, u.id LIMIT 1
) WHERE t.sales_owner IS NOT NULL;

ALTER TABLE tenants DROP COLUMN sales_owner;

-- reverts sales_owner_reference: each sales owner becomes their name as text again.
ALTER TABLE tenants ADD COLUMN sales_owner TEXT;
UPDATE tenants t SET sales_owner = coalesce(u.name, u.github_login, u.email) FROM users u WHERE u.id = t.sales_owner_id;
ALTER TABLE tenants DROP COLUMN sales_owner_id;

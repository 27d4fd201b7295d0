-- Reverts 20261203170200_tenant_status_message: frozen tenants lose the message staff left them.
ALTER TABLE tenants DROP COLUMN status_message;

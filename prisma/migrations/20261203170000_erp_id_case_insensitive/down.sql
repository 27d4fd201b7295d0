-- reverts erp_id_case_insensitive: ERP ids are unique only as typed again.
DROP INDEX tenants_erp_customer_id_lower_key;
CREATE UNIQUE INDEX tenants_erp_customer_id_key ON tenants (erp_customer_id);

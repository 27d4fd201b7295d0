-- erp_id_case_insensitive
-- An ERP customer id names one customer whatever its case: "erp-1001" beside Acme's "ERP-1001" is the same
-- customer twice (issue 13). The unique index on the column becomes one on lower(erp_customer_id), which
-- schema.prisma cannot state (tests/db/schema-agreement.test.ts lists it). A deployment that already holds ids
-- differing only by case cannot take the index: the migration stops, naming them, for someone to decide which
-- tenant keeps each id.
DO $$
DECLARE
  clashes TEXT;
BEGIN
  SELECT string_agg(twins, '; ') INTO clashes FROM (
    SELECT string_agg(format('%s (tenant %s)', erp_customer_id, slug), ', ' ORDER BY erp_customer_id, slug) AS twins
    FROM tenants WHERE erp_customer_id IS NOT NULL
    GROUP BY lower(erp_customer_id) HAVING count(*) > 1
  ) AS clash;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'ERP customer ids that differ only by case: %. Change or clear all but one of each (a tenant''s settings, Details), then migrate again.', clashes;
  END IF;
END
$$;

DROP INDEX tenants_erp_customer_id_key;
CREATE UNIQUE INDEX tenants_erp_customer_id_lower_key ON tenants (lower(erp_customer_id));

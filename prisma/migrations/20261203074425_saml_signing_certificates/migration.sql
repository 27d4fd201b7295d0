-- saml_signing_certificates: SAML metadata keeps every signing certificate its identity provider lists (several
-- while it rotates its key), so a stored configuration's one `certificate` becomes `certificates`, a list of one.
UPDATE tenant_idp_config
SET metadata = (metadata - 'certificate') || jsonb_build_object('certificates', jsonb_build_array(metadata -> 'certificate'))
WHERE type = 'saml' AND metadata ? 'certificate';

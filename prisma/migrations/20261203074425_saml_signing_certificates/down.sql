-- reverts saml_signing_certificates: back to one `certificate`, the one valid longest (the others are dropped).
UPDATE tenant_idp_config
SET metadata = (metadata - 'certificates') || jsonb_build_object('certificate', (
  SELECT certificate FROM jsonb_array_elements(metadata -> 'certificates') AS certificate
  ORDER BY certificate ->> 'validTo' DESC LIMIT 1
))
WHERE type = 'saml' AND jsonb_typeof(metadata -> 'certificates') = 'array' AND jsonb_array_length(metadata -> 'certificates') > 0;

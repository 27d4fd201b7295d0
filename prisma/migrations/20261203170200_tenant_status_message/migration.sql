-- What staff tell a frozen tenant's people (issue 13): an optional message set by a freeze, shown on the tenant's
-- frozen banner, and cleared when the tenant is activated again. Why it was frozen is staff's internal note, in
-- the move's audit event only.
ALTER TABLE tenants ADD COLUMN status_message text;

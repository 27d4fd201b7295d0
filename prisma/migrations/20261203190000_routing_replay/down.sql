-- Reverts 20261203190000_routing_replay: the routing rollup goes, and usage events forget their complexity.
DROP TABLE usage_routing_daily;
ALTER TABLE usage_events DROP COLUMN complexity;

DROP INDEX usage_hourly_hour_idx;
DROP INDEX usage_daily_day_idx;

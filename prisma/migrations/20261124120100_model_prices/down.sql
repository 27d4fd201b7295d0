DELETE FROM model_prices WHERE effective_date = DATE '2024-06-01' AND (provider, model) IN (
  ('openai', 'gpt-4o'), ('openai', 'gpt-4o-mini'), ('openai', 'gpt-4-turbo'), ('openai', 'gpt-3.5-turbo'),
  ('anthropic', 'claude-3-opus'), ('anthropic', 'claude-3-sonnet'), ('anthropic', 'claude-3-haiku'),
  ('anthropic', 'claude-3.5-sonnet'));

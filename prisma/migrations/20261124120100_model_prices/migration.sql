-- The seed's price list (cost_tables), as the price history's first entries.
INSERT INTO model_prices (provider, model, input_cost_per_1k, output_cost_per_1k, effective_date) VALUES
  ('openai',    'gpt-4o',            0.005000, 0.015000, DATE '2024-06-01'),
  ('openai',    'gpt-4o-mini',       0.000150, 0.000600, DATE '2024-06-01'),
  ('openai',    'gpt-4-turbo',       0.010000, 0.030000, DATE '2024-06-01'),
  ('openai',    'gpt-3.5-turbo',     0.000500, 0.001500, DATE '2024-06-01'),
  ('anthropic', 'claude-3-opus',     0.015000, 0.075000, DATE '2024-06-01'),
  ('anthropic', 'claude-3-sonnet',   0.003000, 0.015000, DATE '2024-06-01'),
  ('anthropic', 'claude-3-haiku',    0.000250, 0.001250, DATE '2024-06-01'),
  ('anthropic', 'claude-3.5-sonnet', 0.003000, 0.015000, DATE '2024-06-01');

-- Contains-search over suppressed values (the list screen's search box). The DNC registry copy
-- can hold millions of numbers, so a trigram index when pg_trgm exists; without it the search
-- falls back to a sequential ILIKE scan.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS suppressions_value_trgm_idx ON suppressions USING gin (value gin_trgm_ops);
  END IF;
END
$$;

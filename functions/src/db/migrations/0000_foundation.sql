-- Extensions where the server has them (PGlite ships both; Aurora and Debian's contrib do too).
-- Contains-search falls back to plain ILIKE when pg_trgm is missing.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'citext') THEN
    CREATE EXTENSION IF NOT EXISTS citext;
  END IF;
END
$$;
--> statement-breakpoint
-- Time-ordered UUIDs (RFC 9562 version 7) on Postgres 15/16, which have no uuidv7().
CREATE OR REPLACE FUNCTION uuid_generate_v7() RETURNS uuid AS $$
  SELECT encode(
    set_bit(
      set_bit(
        overlay(uuid_send(gen_random_uuid())
                placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                FROM 1 FOR 6),
        52, 1),
      53, 1),
    'hex')::uuid;
$$ LANGUAGE sql VOLATILE;

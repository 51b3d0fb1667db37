-- Contains-search on accounts and contacts: trigram GIN indexes on the search text (name, email,
-- domain, phones) and on the text fields most often filtered with "contains". Only where pg_trgm
-- is installed (see 0000); without it the same LIKE queries run unindexed.
-- The search expressions must stay identical to those in functions/src/modules/accounts/fields.ts.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE $i$CREATE INDEX IF NOT EXISTS contacts_search_trgm_idx ON contacts USING gin (
      lower(coalesce(full_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(direct_phone, '') || ' ' || coalesce(mobile_phone, '')) gin_trgm_ops
    ) WHERE deleted_at IS NULL$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS contacts_job_title_trgm_idx ON contacts USING gin (lower(job_title) gin_trgm_ops) WHERE deleted_at IS NULL$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS accounts_search_trgm_idx ON accounts USING gin (
      lower(name || ' ' || coalesce(domain, '') || ' ' || coalesce(phone, '')) gin_trgm_ops
    ) WHERE deleted_at IS NULL$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS accounts_name_trgm_idx ON accounts USING gin (lower(name) gin_trgm_ops) WHERE deleted_at IS NULL$i$;
    EXECUTE $i$CREATE INDEX IF NOT EXISTS accounts_industry_trgm_idx ON accounts USING gin (lower(industry) gin_trgm_ops) WHERE deleted_at IS NULL$i$;
  END IF;
END
$$;

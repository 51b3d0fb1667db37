-- Consent history is append-only: a direct UPDATE or DELETE raises an error. Changes made by a
-- foreign key's own action (the contact erased, the recording user removed) run one trigger level
-- deeper and are let through, so erasure still works.
CREATE OR REPLACE FUNCTION contact_consent_history_append_only() RETURNS trigger AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'contact_consent_history is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_consent_history_no_update_delete BEFORE UPDATE OR DELETE ON contact_consent_history
  FOR EACH ROW EXECUTE FUNCTION contact_consent_history_append_only();
--> statement-breakpoint
CREATE TRIGGER contact_consent_history_no_truncate BEFORE TRUNCATE ON contact_consent_history
  FOR EACH STATEMENT EXECUTE FUNCTION contact_consent_history_append_only();

-- The audit log is append-only: reject UPDATE and DELETE on it, whoever asks.
-- (Organizations are never hard-deleted while they have audit entries: the
-- foreign key is ON DELETE RESTRICT.)
CREATE OR REPLACE FUNCTION bosun_reject_audit_log_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION bosun_reject_audit_log_change();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION bosun_reject_audit_log_change();

-- The audit log stays append-only, with one narrow exception: erasing a
-- departed person's personal data may rewrite the personal text of an entry
-- (actor label, summary, changes) to a pseudonym, inside a transaction that
-- declares it with SET LOCAL bosun.erasing_personal_data = 'on'. Who did what,
-- to what, when and with what result stays exactly as written; DELETE and
-- TRUNCATE are still refused.
CREATE OR REPLACE FUNCTION bosun_reject_audit_log_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('bosun.erasing_personal_data', true) = 'on'
     AND NEW."id" = OLD."id"
     AND NEW."orgId" = OLD."orgId"
     AND NEW."actorType" = OLD."actorType"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."action" = OLD."action"
     AND NEW."targetType" IS NOT DISTINCT FROM OLD."targetType"
     AND NEW."targetId" IS NOT DISTINCT FROM OLD."targetId"
     AND NEW."result" = OLD."result"
     AND NEW."requestId" IS NOT DISTINCT FROM OLD."requestId"
     AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

-- Every web process keeps recent page renders in memory (lib/platform/render-cache) and drops an org's as soon as
-- that org's data changes, whichever process or statement changed it: these triggers announce each change on the
-- "bosun_org_data" channel with the org's id ('*' for a user's own row, which every org's pages may show).
-- PostgreSQL sends a transaction's notifications when it commits, and one per distinct payload, so a statement
-- that writes many rows of one org sends one. Not announced: "WebhookDelivery" and "Job", the intake's and the
-- queue's own bookkeeping, which no page shows and which a webhook storm writes thousands of times a second.

CREATE FUNCTION "bosun_org_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('bosun_org_data', OLD."orgId"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('bosun_org_data', NEW."orgId"); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "bosun_organization_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('bosun_org_data', OLD."id"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('bosun_org_data', NEW."id"); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "bosun_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bosun_org_data', '*');
  RETURN NULL;
END $$;

CREATE TRIGGER "Organization_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION "bosun_organization_changed"();
CREATE TRIGGER "User_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "bosun_user_changed"();

CREATE TRIGGER "Membership_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "UserSession_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "UserSession"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "ApiKey_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "ApiKey"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "IntegrationConnection_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "IntegrationConnection"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "CacheEntry_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "CacheEntry"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "Availability_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "Availability"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "SprintSnapshot_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "SprintSnapshot"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "SprintScopeChange_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "SprintScopeChange"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "TicketLink_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "TicketLink"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "SyncActivity_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "SyncActivity"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "SyncEcho_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "SyncEcho"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "SyncFieldState_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "SyncFieldState"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "CommentMirror_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "CommentMirror"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "AutomationRule_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "AutomationRule"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "AutomationRun_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "AutomationRun"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "OutboxIntent_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "OutboxIntent"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "ReleaseNote_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "ReleaseNote"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "ReleaseNoteRevision_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "ReleaseNoteRevision"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "AuditLog_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "Team_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "Team"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "TeamMember_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "TeamMember"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "OwnershipRuleSet_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "OwnershipRuleSet"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "Notification_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "NotificationPreference_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "NotificationPreference"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "Watch_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "Watch"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "RollbackGate_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "RollbackGate"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "Deploy_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "Deploy"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "ReleaseCommit_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "ReleaseCommit"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "PullRequestRecord_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "PullRequestRecord"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "DeliveryIncident_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "DeliveryIncident"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();
CREATE TRIGGER "HistoryBackfill_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "HistoryBackfill"
  FOR EACH ROW EXECUTE FUNCTION "bosun_org_row_changed"();

-- Wakes job workers in other processes (`npm run worker`) the moment a job becomes due, instead of at their
-- next poll. NOTIFY is sent on commit, and identical notifications in one transaction are sent once.
-- "Due" allows a second of slack against the wall clock: "runAt" is often set by the client a moment after the
-- transaction began (so not now()), and a worker woken a little early just finds nothing and polls again.
CREATE FUNCTION "bosun_job_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bosun_jobs', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Job_notify_insert" AFTER INSERT ON "Job"
  FOR EACH ROW WHEN (NEW.status = 'queued' AND NEW."runAt" <= clock_timestamp() + interval '1 second')
  EXECUTE FUNCTION "bosun_job_notify"();

CREATE TRIGGER "Job_notify_requeue" AFTER UPDATE OF status ON "Job"
  FOR EACH ROW WHEN (NEW.status = 'queued' AND OLD.status <> 'queued' AND NEW."runAt" <= clock_timestamp() + interval '1 second')
  EXECUTE FUNCTION "bosun_job_notify"();

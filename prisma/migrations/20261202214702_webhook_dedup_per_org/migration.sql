-- A delivery is a duplicate only within its org: one repository hooked to two
-- orgs sends each the same body. NULLS NOT DISTINCT keeps WorkOS events that
-- belong to no org deduplicated among themselves (a plain unique index would
-- let every NULL-org redelivery through).
--
-- The new index is built before the old one is dropped, so uniqueness holds
-- throughout; every existing row already satisfies it, as (source, key) was
-- unique on its own.

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_orgId_source_idempotencyKey_key" ON "WebhookDelivery"("orgId", "source", "idempotencyKey") NULLS NOT DISTINCT;

-- DropIndex
DROP INDEX "WebhookDelivery_source_idempotencyKey_key";

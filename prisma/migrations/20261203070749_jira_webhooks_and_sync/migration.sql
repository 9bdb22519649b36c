-- CreateEnum
CREATE TYPE "SnapshotOrigin" AS ENUM ('webhook', 'reconciled', 'observed', 'backfill');

-- CreateEnum
CREATE TYPE "ScopeChangeKind" AS ENUM ('added', 'removed', 'completed', 'reopened', 'estimated');

-- CreateEnum
CREATE TYPE "SyncDirection" AS ENUM ('jira_to_sentry', 'sentry_to_jira', 'github_to_sentry');

-- CreateEnum
CREATE TYPE "SyncOutcome" AS ENUM ('applied', 'skipped', 'echo', 'conflict', 'unmatched', 'failed');

-- AlterEnum
ALTER TYPE "WebhookSource" ADD VALUE 'jira';

-- AlterTable
ALTER TABLE "SprintSnapshot" ADD COLUMN     "delaySeconds" INTEGER,
ADD COLUMN     "origin" "SnapshotOrigin" NOT NULL DEFAULT 'observed';

-- CreateTable
CREATE TABLE "SprintScopeChange" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "sprintId" INTEGER NOT NULL,
    "issueKey" TEXT NOT NULL,
    "kind" "ScopeChangeKind" NOT NULL,
    "points" DOUBLE PRECISION,
    "previousPoints" DOUBLE PRECISION,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "day" DATE NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SprintScopeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncActivity" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "linkId" TEXT,
    "jiraIssueKey" TEXT,
    "sentryIssueId" TEXT,
    "direction" "SyncDirection" NOT NULL,
    "field" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "outcome" "SyncOutcome" NOT NULL,
    "detail" TEXT,
    "intentId" TEXT,
    "conflict" JSONB,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncEcho" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncEcho_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncFieldState" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "jiraValue" TEXT,
    "jiraChangedAt" TIMESTAMP(3),
    "sentryValue" TEXT,
    "sentryChangedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncFieldState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentMirror" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "originCommentId" TEXT NOT NULL,
    "mirroredCommentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentMirror_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SprintScopeChange_orgId_sprintId_occurredAt_idx" ON "SprintScopeChange"("orgId", "sprintId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SprintScopeChange_orgId_sourceKey_key" ON "SprintScopeChange"("orgId", "sourceKey");

-- CreateIndex
CREATE INDEX "SyncActivity_orgId_createdAt_idx" ON "SyncActivity"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncActivity_orgId_sourceKey_key" ON "SyncActivity"("orgId", "sourceKey");

-- CreateIndex
CREATE INDEX "SyncEcho_orgId_service_objectId_field_idx" ON "SyncEcho"("orgId", "service", "objectId", "field");

-- CreateIndex
CREATE INDEX "SyncEcho_expiresAt_idx" ON "SyncEcho"("expiresAt");

-- CreateIndex
CREATE INDEX "SyncFieldState_orgId_idx" ON "SyncFieldState"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncFieldState_linkId_field_key" ON "SyncFieldState"("linkId", "field");

-- CreateIndex
CREATE UNIQUE INDEX "CommentMirror_orgId_origin_originCommentId_key" ON "CommentMirror"("orgId", "origin", "originCommentId");

-- AddForeignKey
ALTER TABLE "SprintScopeChange" ADD CONSTRAINT "SprintScopeChange_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncActivity" ADD CONSTRAINT "SyncActivity_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncEcho" ADD CONSTRAINT "SyncEcho_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncFieldState" ADD CONSTRAINT "SyncFieldState_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncFieldState" ADD CONSTRAINT "SyncFieldState_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "TicketLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentMirror" ADD CONSTRAINT "CommentMirror_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentMirror" ADD CONSTRAINT "CommentMirror_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "TicketLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Snapshots rebuilt from a closed sprint's issues said so in their issues JSON; the column says it now.
UPDATE "SprintSnapshot" SET "origin" = 'backfill' WHERE "issues"->>'source' = 'backfill';

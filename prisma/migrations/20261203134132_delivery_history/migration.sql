-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('crash_regression', 'performance_regression', 'critical_issue', 'rollback');

-- AlterTable
ALTER TABLE "SprintSnapshot" ADD COLUMN     "plannedCapacity" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "Deploy" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "sentryId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "projects" TEXT[],
    "dateStarted" TIMESTAMP(3),
    "dateFinished" TIMESTAMP(3) NOT NULL,
    "name" TEXT,
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deploy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseCommit" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "committedAt" TIMESTAMP(3),
    "authorEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseCommit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PullRequestRecord" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "mergedAt" TIMESTAMP(3),
    "mergeCommitSha" TEXT,
    "headSha" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PullRequestRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryIncident" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "IncidentKind" NOT NULL,
    "version" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "project" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "summary" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryBackfill" (
    "orgId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3),
    "reachedBack" TIMESTAMP(3),
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HistoryBackfill_pkey" PRIMARY KEY ("orgId","source")
);

-- CreateIndex
CREATE INDEX "Deploy_orgId_environment_dateFinished_idx" ON "Deploy"("orgId", "environment", "dateFinished");

-- CreateIndex
CREATE UNIQUE INDEX "Deploy_orgId_sentryId_key" ON "Deploy"("orgId", "sentryId");

-- CreateIndex
CREATE INDEX "ReleaseCommit_orgId_sha_idx" ON "ReleaseCommit"("orgId", "sha");

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseCommit_orgId_version_sha_key" ON "ReleaseCommit"("orgId", "version", "sha");

-- CreateIndex
CREATE INDEX "PullRequestRecord_orgId_mergeCommitSha_idx" ON "PullRequestRecord"("orgId", "mergeCommitSha");

-- CreateIndex
CREATE INDEX "PullRequestRecord_orgId_headSha_idx" ON "PullRequestRecord"("orgId", "headSha");

-- CreateIndex
CREATE UNIQUE INDEX "PullRequestRecord_orgId_repo_number_key" ON "PullRequestRecord"("orgId", "repo", "number");

-- CreateIndex
CREATE INDEX "DeliveryIncident_orgId_environment_startedAt_idx" ON "DeliveryIncident"("orgId", "environment", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryIncident_orgId_sourceKey_key" ON "DeliveryIncident"("orgId", "sourceKey");

-- AddForeignKey
ALTER TABLE "Deploy" ADD CONSTRAINT "Deploy_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseCommit" ADD CONSTRAINT "ReleaseCommit_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PullRequestRecord" ADD CONSTRAINT "PullRequestRecord_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryIncident" ADD CONSTRAINT "DeliveryIncident_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryBackfill" ADD CONSTRAINT "HistoryBackfill_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

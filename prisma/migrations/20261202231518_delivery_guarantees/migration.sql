-- AlterEnum
ALTER TYPE "IntentStatus" ADD VALUE 'superseded';

-- AlterTable
ALTER TABLE "OutboxIntent" ADD COLUMN     "retriedAt" TIMESTAMP(3),
ADD COLUMN     "supersededById" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DirectoryObjectClock" (
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "lastEventAt" TIMESTAMP(3) NOT NULL,
    "lastEventId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryObjectClock_pkey" PRIMARY KEY ("objectType","objectId")
);

-- CreateTable
CREATE TABLE "AppliedEventStep" (
    "eventId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppliedEventStep_pkey" PRIMARY KEY ("eventId","step")
);

-- CreateIndex
CREATE INDEX "CacheEntry_expiresAt_idx" ON "CacheEntry"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxIntent_orgId_status_completedAt_idx" ON "OutboxIntent"("orgId", "status", "completedAt");

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "mfaVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "oauthClientId" TEXT;

-- CreateTable
CREATE TABLE "MfaAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workosSessionId" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MfaAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MfaAttempt_userId_createdAt_idx" ON "MfaAttempt"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "MfaAttempt_workosSessionId_createdAt_idx" ON "MfaAttempt"("workosSessionId", "createdAt");

-- AddForeignKey
ALTER TABLE "MfaAttempt" ADD CONSTRAINT "MfaAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "AutomationRun" ADD COLUMN     "triggerKey" TEXT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "deadAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "AutomationRun_ruleId_triggerKey_key" ON "AutomationRun"("ruleId", "triggerKey");

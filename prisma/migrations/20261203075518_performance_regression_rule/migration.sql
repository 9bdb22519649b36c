-- AlterEnum
ALTER TYPE "AutomationKind" ADD VALUE 'performance_regression_to_jira';

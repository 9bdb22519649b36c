import "server-only";
import { describeUnresolved, ownershipFactsFromEvent, type OwnershipFacts } from "@/lib/domain/ownership";
import { getSentryConfig } from "@/lib/integrations/connections";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { readLatestEvent } from "@/lib/integrations/sentry/latest-event";
import { resolveShortId } from "@/lib/integrations/sentry/short-ids";
import { evaluateOwnership, type DetailedVerdict } from "./owners-of-issue";

export type RuleTest =
  | {
      ok: true;
      data: {
        /** "This issue would go to: Ada Lovelace, Barbara Liskov, because …" */
        sentence: string;
        verdict: DetailedVerdict;
        /** What the rules were matched against, so a person can see why nothing matched. */
        facts: OwnershipFacts;
        issue: string;
      };
    }
  | { ok: false; error: string };

/**
 * Tries rules text (saved or not) against a real issue: reads the issue's
 * latest event from Sentry and says who the issue would go to, and why.
 * `issueId` is a short id (WEB-G) or Sentry's numeric id.
 */
export async function testRule({
  orgId,
  projectSlug,
  raw,
  issueId,
  requestId,
}: {
  orgId: string;
  projectSlug: string;
  raw: string;
  issueId: string;
  requestId?: string;
}): Promise<RuleTest> {
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { ok: false, error: "Sentry is not connected; connect it under Integrations first." };
  try {
    let numericId = issueId;
    if (!/^\d+$/.test(issueId)) {
      const resolved = await resolveShortId(config, issueId);
      if (!resolved) return { ok: false, error: `Sentry has no issue ${issueId.toUpperCase()} in this organization.` };
      if (resolved.projectSlug !== projectSlug)
        return {
          ok: false,
          error: `${resolved.shortId} belongs to Sentry project ${resolved.projectSlug}, not ${projectSlug}; test it on that project's rules.`,
        };
      numericId = resolved.issueId;
    }
    const event = await readLatestEvent(config, numericId);
    if (event === null) return { ok: false, error: `Sentry has no event for issue ${issueId}.` };
    const facts = ownershipFactsFromEvent(event);
    const verdict = await evaluateOwnership({ orgId, raw, facts });
    return { ok: true, data: { sentence: sentenceOf(verdict), verdict, facts, issue: issueId.toUpperCase() } };
  } catch (error) {
    if (error instanceof IntegrationError)
      return { ok: false, error: `Sentry could not be read: ${integrationErrorText(error)}` };
    throw error;
  }
}

export function sentenceOf(verdict: DetailedVerdict): string {
  if (!verdict.rule) return "This issue would go to nobody: no rule matches.";
  const unresolved = describeUnresolved(verdict.unresolved);
  if (verdict.owners.length === 0)
    return `This issue would go to nobody in Bosun, because ${verdict.because}, and ${unresolved ?? "its owners name no member."}`;
  const names = verdict.owners.map((o) => o.name).join(", ");
  return `This issue would go to: ${names}, because ${verdict.because}.${unresolved ? ` (${unresolved})` : ""}`;
}

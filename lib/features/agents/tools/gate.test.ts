import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Role } from "@/lib/domain/permissions";
import { capped, denial, describeZodError, fail, guard, ok, READ_ONLY_MESSAGE } from "./gate";
import { TOOL_NAMES, TOOL_SPECS, WRITE_TOOLS, type ToolName } from "./specs";

const org = { id: "org_1", slug: "acme", name: "Acme" };
const caller = (role: Role, scope: "read" | "read_write") => ({ role, scope, org });
const allowed = (role: Role, scope: "read" | "read_write") =>
  TOOL_NAMES.filter((name) => denial(caller(role, scope), TOOL_SPECS[name]) === null).sort();

const READ_TOOLS: ToolName[] = [
  "crash_free_by_release",
  "dora_metrics",
  "find_sentry_issues_for_jira_key",
  "forecast",
  "generate_release_notes",
  "get_sprint_capacity",
  "investigate_sentry_issue",
  "list_boards",
  "list_sentry_issues",
  "list_user_feedback",
  "performance_by_release",
  "plan_sprint",
  "sprint_report",
];

describe("tool specs", () => {
  it("names seventeen tools, four of which write", () => {
    expect(TOOL_NAMES).toHaveLength(17);
    expect([...WRITE_TOOLS].sort()).toEqual([
      "apply_sprint_plan",
      "create_tickets",
      "sentry_issue_to_jira",
      "triage_sentry_issue",
    ]);
  });

  it("use the same permissions as the UI actions", () => {
    expect(TOOL_SPECS.plan_sprint.permission).toBe("sprints:plan");
    expect(TOOL_SPECS.apply_sprint_plan.permission).toBe("sprints:plan");
    expect(TOOL_SPECS.create_tickets.permission).toBe("tickets:create");
    expect(TOOL_SPECS.triage_sentry_issue.permission).toBe("errors:triage");
    expect(TOOL_SPECS.sentry_issue_to_jira.permission).toBe("tickets:create-from-error");
  });
});

describe("the permission and scope gate", () => {
  it("lets admins and managers with a read-write key call every tool", () => {
    expect(allowed("admin", "read_write")).toEqual([...TOOL_NAMES].sort());
    expect(allowed("manager", "read_write")).toEqual([...TOOL_NAMES].sort());
  });

  it("keeps members away from sprint planning and feature tickets, but lets them triage and file bugs from errors", () => {
    expect(allowed("member", "read_write")).toEqual([
      "crash_free_by_release",
      "dora_metrics",
      "find_sentry_issues_for_jira_key",
      "forecast",
      "generate_release_notes",
      "get_sprint_capacity",
      "investigate_sentry_issue",
      "list_boards",
      "list_sentry_issues",
      "list_user_feedback",
      "performance_by_release",
      "sentry_issue_to_jira",
      "sprint_report",
      "triage_sentry_issue",
    ]);
  });

  it("allows only read tools on a read-only key, whatever the role", () => {
    expect(allowed("admin", "read")).toEqual(READ_TOOLS);
    expect(allowed("manager", "read")).toEqual(READ_TOOLS);
    expect(allowed("member", "read")).toEqual(READ_TOOLS.filter((name) => name !== "plan_sprint"));
  });

  it("says the key is read-only when the role would allow the write", () => {
    expect(denial(caller("admin", "read"), TOOL_SPECS.triage_sentry_issue)).toBe(READ_ONLY_MESSAGE);
    expect(READ_ONLY_MESSAGE).toBe("This API key is read-only.");
  });

  it("names the role and the missing permission when the role does not allow it", () => {
    const message = denial(caller("member", "read_write"), TOOL_SPECS.apply_sprint_plan);
    expect(message).toContain("Your role (member)");
    expect(message).toContain("sprints:plan");
    expect(message).toContain("Acme");
  });

  it("treats a dry run of create_tickets as a read", () => {
    expect(denial(caller("manager", "read"), { ...TOOL_SPECS.create_tickets, write: false })).toBeNull();
    expect(denial(caller("manager", "read"), TOOL_SPECS.create_tickets)).toBe(READ_ONLY_MESSAGE);
    expect(denial(caller("member", "read_write"), { ...TOOL_SPECS.create_tickets, write: false })).toContain(
      "tickets:create",
    );
  });

  it("answers a denial as an error result, and nothing otherwise", () => {
    expect(guard(caller("member", "read"), TOOL_SPECS.triage_sentry_issue)).toEqual({
      isError: true,
      content: [{ type: "text", text: READ_ONLY_MESSAGE }],
    });
    expect(guard(caller("member", "read"), TOOL_SPECS.list_sentry_issues)).toBeNull();
  });
});

describe("answers", () => {
  it("return the summary as text and the data as JSON", () => {
    const at = new Date("2026-03-01T10:00:00.000Z");
    expect(ok("Two boards.", { at, missing: undefined, n: 2 })).toEqual({
      content: [{ type: "text", text: "Two boards." }],
      structuredContent: { at: "2026-03-01T10:00:00.000Z", n: 2 },
    });
  });

  it("mark fixable errors, optionally with how far it got", () => {
    expect(fail("Connect Jira first.")).toEqual({
      isError: true,
      content: [{ type: "text", text: "Connect Jira first." }],
    });
    expect(fail("Stopped.", { steps: [1] })).toMatchObject({ isError: true, structuredContent: { steps: [1] } });
  });

  it("describe zod errors field by field, first message per field", () => {
    const schema = z.object({
      name: z.string().min(1, "is required").max(3, "too long"),
      dates: z.object({ end: z.string() }),
    });
    const parsed = schema.safeParse({ name: "", dates: { end: 3 } });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(describeZodError(parsed.error)).toBe(
        "name: is required; dates.end: Invalid input: expected string, received number",
      );
  });

  it("cap long lists and say so", () => {
    expect(capped([1, 2, 3], 2)).toEqual({ items: [1, 2], total: 3, truncated: true });
    expect(capped([1], 2)).toEqual({ items: [1], total: 1, truncated: false });
  });
});

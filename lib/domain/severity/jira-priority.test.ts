import { describe, expect, it } from "vitest";
import { levelToJiraPriority, severityToJiraPriority } from "./jira-priority";

describe("Jira priority", () => {
  it.each([
    ["critical", "Highest"],
    ["high", "High"],
    ["medium", "Medium"],
    ["low", "Low"],
  ] as const)("severity %s → %s", (severity, priority) => {
    expect(severityToJiraPriority(severity)).toBe(priority);
  });

  it.each([
    ["fatal", "Highest"],
    ["error", "High"],
    ["warning", "Medium"],
    ["info", "Low"],
    ["debug", "Low"],
    ["sample", "Low"],
  ] as const)("level %s → %s", (level, priority) => {
    expect(levelToJiraPriority(level)).toBe(priority);
  });
});

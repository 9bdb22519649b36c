import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PersonLoad } from "@/lib/domain/capacity";
import { LoadBars } from "./load-bars";

const row = (fields: Partial<PersonLoad>): PersonLoad => ({
  accountId: "ada",
  name: "Ada Lovelace",
  capacityPoints: 10,
  committedPoints: 13,
  remainingPoints: 13,
  loadRatio: 1.3,
  onTeam: true,
  isOverCommitted: true,
  ...fields,
});

describe("LoadBars", () => {
  it("flags an overloaded team member, but names an outsider as not on the team", () => {
    const html = renderToStaticMarkup(
      <LoadBars
        people={[
          row({}),
          row({
            accountId: "712020:05dc",
            name: "Jan Kowalski",
            capacityPoints: 0,
            committedPoints: 33,
            loadRatio: null,
            onTeam: false,
            isOverCommitted: false,
          }),
          row({
            accountId: null,
            name: "Unassigned",
            capacityPoints: 0,
            committedPoints: 2,
            loadRatio: null,
            onTeam: false,
            isOverCommitted: false,
          }),
        ]}
      />,
    );
    expect(html).toContain("13 / 10 pts — over capacity");
    expect(html).toContain("Jan Kowalski");
    expect(html).toContain("33 pts — not on the team");
    expect(html).toContain("2 / 0 pts");
    expect(html).not.toContain("712020:05dc");
    expect(html.match(/over capacity/g)).toHaveLength(1);
  });
});

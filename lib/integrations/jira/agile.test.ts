import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { getEstimationField, listBacklog, listBoards, listSprints, searchWorkItems } from "./agile";

/** The Agile reads against the Jira emulator, through the unmodified jira.js clients. */
describe("Jira agile reads", () => {
  let jira: JiraEmulator;
  const config = () => ({ siteUrl: `${jira.url}/acme`, email: "grace@acme.test", apiToken: "jira-demo-token" });

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  afterAll(() => jira.close());

  it("lists the scrum boards, and the estimation field from the board's configuration", async () => {
    const boards = await listBoards(config());
    expect(boards.map((b) => b.projectKey)).toEqual(["ACME", "PORT", "HULL"]);
    expect(await getEstimationField(config(), boards[0]!.id)).toBe("customfield_10016");
  });

  it("lists sprints closed, then active, then future", async () => {
    const [board] = await listBoards(config());
    const sprints = await listSprints(config(), board!.id);
    const states = sprints.map((s) => s.state);
    expect(states.filter((s) => s === "closed").length).toBeGreaterThanOrEqual(6);
    expect(states.filter((s) => s === "active")).toHaveLength(1);
    expect(states.indexOf("active")).toBeGreaterThan(states.lastIndexOf("closed"));
    expect(sprints.find((s) => s.state === "active")?.startDate).toBeTruthy();
  });

  it("reads the active sprint's issues with points, links and epics, across pages", async () => {
    const [board] = await listBoards(config());
    const active = (await listSprints(config(), board!.id, ["active"]))[0]!;
    const items = await searchWorkItems(config(), `sprint = ${active.id} ORDER BY Rank`, "customfield_10016");
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((i) => i.sprintIds.includes(active.id))).toBe(true);
    expect(items.some((i) => i.points !== null)).toBe(true);
    // Three projects of demo data: more than two pages of 100.
    const everything = await searchWorkItems(
      config(),
      "project in (ACME, PORT, HULL) ORDER BY key ASC",
      "customfield_10016",
    );
    expect(everything.length).toBeGreaterThan(200);
    expect(new Set(everything.map((i) => i.key)).size).toBe(everything.length);
    expect(everything.some((i) => i.blockedBy.length > 0)).toBe(true);
    expect(everything.some((i) => i.epic !== null)).toBe(true);
  });

  it("reads the backlog in rank order, without done work", async () => {
    const [board] = await listBoards(config());
    const backlog = await listBacklog(config(), board!.id, "customfield_10016");
    expect(backlog.length).toBeGreaterThan(0);
    expect(backlog.every((i) => i.statusCategory !== "done")).toBe(true);
  });
});

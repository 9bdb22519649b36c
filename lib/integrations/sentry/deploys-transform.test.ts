import { describe, expect, it } from "vitest";
import { toDeploys, toReleaseDeliverySummaries } from "./deploys-transform";

// Shaped as the OpenAPI spec's listOrganizationReleaseDeploys answer.
const specDeploy = {
  id: "1234",
  environment: "production",
  dateStarted: "2026-11-20T10:00:00Z",
  dateFinished: "2026-11-20T10:12:00Z",
  name: "deploy 2.14.0",
  url: "https://ci.example.com/runs/9",
};

describe("toDeploys", () => {
  it("maps the spec's deploy shape", () => {
    expect(toDeploys([specDeploy])).toEqual([
      {
        sentryId: "1234",
        environment: "production",
        dateStarted: "2026-11-20T10:00:00Z",
        dateFinished: "2026-11-20T10:12:00Z",
        name: "deploy 2.14.0",
        url: "https://ci.example.com/runs/9",
      },
    ]);
  });

  it("keeps deploys with null optional fields and a numeric id", () => {
    expect(toDeploys([{ ...specDeploy, id: 7, dateStarted: null, name: null, url: null }])).toEqual([
      {
        sentryId: "7",
        environment: "production",
        dateStarted: null,
        dateFinished: "2026-11-20T10:12:00Z",
        name: null,
        url: null,
      },
    ]);
  });

  it("drops malformed deploys but not their neighbours", () => {
    const answer = [
      { ...specDeploy, dateFinished: null },
      { ...specDeploy, dateFinished: "not a date" },
      { ...specDeploy, environment: "" },
      "nonsense",
      { ...specDeploy, id: "2", dateStarted: "garbage" },
    ];
    expect(toDeploys(answer)).toEqual([expect.objectContaining({ sentryId: "2", dateStarted: null })]);
    expect(toDeploys({ detail: "not a list" })).toEqual([]);
  });
});

describe("toReleaseDeliverySummaries", () => {
  it("reads each release's deploy and commit counts and projects", () => {
    expect(
      toReleaseDeliverySummaries([
        {
          version: "2.14.0",
          dateCreated: "2026-11-19T00:00:00Z",
          deployCount: 2,
          commitCount: 12,
          lastDeploy: { id: "77", environment: "production", dateFinished: "2026-11-19T01:00:00Z" },
          projects: [{ slug: "web" }, { slug: "api" }],
        },
        { version: "2.13.0", dateCreated: "2026-11-01T00:00:00Z", projects: [null, { slug: "web" }] },
        { version: "", dateCreated: "2026-11-01T00:00:00Z" },
        { version: "x", dateCreated: "yesterday" },
      ]),
    ).toEqual([
      {
        version: "2.14.0",
        dateCreated: "2026-11-19T00:00:00Z",
        projects: ["web", "api"],
        deployCount: 2,
        commitCount: 12,
        lastDeployId: "77",
      },
      {
        version: "2.13.0",
        dateCreated: "2026-11-01T00:00:00Z",
        projects: ["web"],
        deployCount: 0,
        commitCount: 0,
        lastDeployId: null,
      },
    ]);
  });
});

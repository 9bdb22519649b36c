import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "./index";
import { ORG, call, startTestEmulator, validator } from "./test-support";

/** User feedback as issues of the `feedback` category, visible only to searches that name it. */

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

type Issue = {
  id: string;
  title: string;
  culprit: string;
  level: string;
  status: string;
  issueCategory: string;
  issueType: string;
  type: string;
  metadata: Record<string, string>;
  project: { slug: string };
};

async function issues(org: string, query: string, extra = "") {
  const path = `/api/0/organizations/${org}/issues/?query=${encodeURIComponent(query)}&statsPeriod=90d&limit=100${extra}`;
  const res = await call<Issue[]>(em, "GET", path);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  // The spec's inbox is a required object; Sentry (and the emulator) send null outside the review inbox (README).
  const problems = validator
    .validateResponse({ method: "GET", path: `${ORG}/issues/`, status: 200, body: res.body })
    .filter((p: string) => !/^\/\d+\/inbox must be object$/.test(p));
  expect(problems).toEqual([]);
  return res.body;
}

describe("user feedback issues", () => {
  it("stays out of every search that does not name issue.category:feedback", async () => {
    for (const query of ["", "is:unresolved", "release:2.14.0", "level:info", "slow", "project:web"])
      expect(
        (await issues("acme", query)).filter((i) => i.issueCategory === "feedback"),
        query,
      ).toEqual([]);
  });

  it("lists feedback, and only feedback, in Sentry's feedback shape when the query names the category", async () => {
    const feedback = await issues("acme", "issue.category:feedback status:unresolved", "&shortIdLookup=0");
    expect(feedback.length).toBeGreaterThan(10);
    for (const issue of feedback) {
      expect(issue).toMatchObject({
        issueCategory: "feedback",
        issueType: "feedback",
        culprit: "user",
        level: "info",
        status: "unresolved",
        project: { slug: "web" },
      });
      expect(issue.title).toBe(`User Feedback: ${issue.metadata.summary}`);
      expect(issue.metadata).toMatchObject({
        message: expect.any(String),
        name: expect.any(String),
        contact_email: expect.stringContaining("@"),
        source: "new_feedback_envelope",
      });
    }
    const spam = await issues("acme", "issue.category:feedback status:ignored");
    expect(spam).toHaveLength(1);
  });

  it("has many complaints about slowness in the regressed release, fewer elsewhere", async () => {
    const slowIn = async (release: string) =>
      (await issues("acme", `issue.category:feedback release:${release}`)).filter((i) =>
        /slow|sluggish|forever|ages/i.test(i.metadata.message as string),
      ).length;
    expect(await slowIn("2.14.0")).toBeGreaterThanOrEqual(8);
    expect(await slowIn("2.13.0")).toBeLessThanOrEqual(1);
    const globex = await issues("globex", "issue.category:feedback release:5.13.0 slow");
    expect(globex.length).toBeGreaterThanOrEqual(4);
  });

  it("links some feedback to an error event of the same release, searchable by associated_event_id", async () => {
    const linked = (await issues("acme", "issue.category:feedback has_linked_error:true")).filter(
      (i) => i.metadata.associated_event_id,
    );
    expect(linked.length).toBeGreaterThan(0);
    const [first] = linked as [Issue];
    const eventId = first.metadata.associated_event_id as string;
    expect(await issues("acme", `issue.category:feedback associated_event_id:${eventId}`)).toEqual(
      linked.filter((i) => i.metadata.associated_event_id === eventId),
    );
    // The event belongs to an error issue: find it among the web project's issues' events.
    const errors = await issues("acme", "is:unresolved project:web");
    let owner: Issue | undefined;
    for (const issue of errors) {
      const events = await call<{ eventID: string }[]>(
        em,
        "GET",
        `/api/0/organizations/acme/issues/${issue.id}/events/`,
      );
      if (events.body.some((e) => e.eventID === eventId)) owner = issue;
      if (owner) break;
    }
    expect(owner?.issueCategory).toBe("error");
  });

  it("reads a feedback issue and its event like any issue", async () => {
    const [issue] = (await issues("acme", "issue.category:feedback")) as [Issue];
    const detail = await call(em, "GET", `/api/0/organizations/acme/issues/${issue.id}/`);
    expect(detail.body).toMatchObject({ id: issue.id, issueCategory: "feedback" });
    const latest = await call(em, "GET", `/api/0/organizations/acme/issues/${issue.id}/events/latest/`);
    expect(latest.status).toBe(200);
    expect(
      validator.validateResponse({
        method: "GET",
        path: `${ORG}/issues/{issue_id}/events/{event_id}/`,
        status: 200,
        body: latest.body,
      }),
    ).toEqual([]);
    expect(latest.body.message).toBe(issue.metadata.message);
  });
});

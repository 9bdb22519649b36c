import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { HTML_PAGE, type RecordingServer, startRecordingServer } from "@/test/integrations";
import { db } from "@/lib/db/client";
import { openCredentials } from "@/lib/platform/crypto/credentials";
import { getKeyring } from "@/lib/platform/crypto/keyring";
import * as settings from "./settings";

/**
 * Saving integration settings against a real database. Two plain servers stand
 * for the site an admin first connected and the one typed in later, so what
 * each receives shows where a stored secret would go.
 */
describe("saveIntegration", () => {
  let orgId: string;
  let first: RecordingServer;
  let second: RecordingServer;

  useSeededDatabase({ label: "settings", seed: false });
  beforeAll(async () => {
    orgId = (await db.organization.create({ data: { slug: "s", name: "S", workosOrgId: "org_s" } })).id;
    [first, second] = await Promise.all([startRecordingServer(HTML_PAGE), startRecordingServer(HTML_PAGE)]);
  });
  beforeEach(async () => {
    await db.integrationConnection.deleteMany({ where: { orgId } });
    first.requests.length = 0;
    second.requests.length = 0;
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  const storedRow = () =>
    db.integrationConnection.findUniqueOrThrow({
      where: { orgId_provider: { orgId, provider: "jira" } },
      select: { config: true, encryptedCredentials: true },
    });
  const sentryRow = () =>
    db.integrationConnection.findUniqueOrThrow({
      where: { orgId_provider: { orgId, provider: "sentry" } },
      select: { config: true, encryptedCredentials: true },
    });

  it("finding 3 (stored secret): a new Jira site URL with a blank token is refused, nothing is stored, and the new host hears nothing", async () => {
    const jira = { provider: "jira", siteUrl: first.url, email: "ada@acme.test" } as const;
    expect(await settings.saveIntegration(orgId, { ...jira, apiToken: "first-site-token" })).toMatchObject({
      ok: true,
    });
    const before = await storedRow();

    const moved = await settings.saveIntegration(orgId, { ...jira, siteUrl: second.url, apiToken: undefined });
    expect(moved).toEqual({
      ok: false,
      error: "apiToken: enter the API token again: the site URL changed",
      fieldErrors: { apiToken: "enter the API token again: the site URL changed" },
    });
    expect(await storedRow()).toEqual(before);

    // "Test connection" after the refusal still talks to the site the token was given for.
    await settings.checkIntegration(orgId, "jira", "req-settings-1");
    expect(second.requests).toEqual([]);
    expect(first.requests.length).toBeGreaterThan(0);
  });

  it("finding 3 (stored secret): a new Jira e-mail with a blank token is refused as well", async () => {
    const jira = { provider: "jira", siteUrl: first.url, email: "ada@acme.test" } as const;
    await settings.saveIntegration(orgId, { ...jira, apiToken: "first-site-token" });
    expect(
      await settings.saveIntegration(orgId, { ...jira, email: "mallory@acme.test", apiToken: undefined }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { apiToken: "enter the API token again: the account e-mail changed" },
    });
    expect((await storedRow()).config).toEqual({ siteUrl: first.url, email: "ada@acme.test" });
  });

  it("finding 3 (stored secret): a new Sentry URL or organization asks for every Sentry secret again", async () => {
    const sentry = { provider: "sentry", baseUrl: first.url, organizationSlug: "acme" } as const;
    await settings.saveIntegration(orgId, { ...sentry, authToken: "sentry-token", webhookSecret: "hook-secret" });
    const before = await sentryRow();

    expect(
      await settings.saveIntegration(orgId, {
        ...sentry,
        baseUrl: second.url,
        authToken: undefined,
        webhookSecret: undefined,
      }),
    ).toEqual({
      ok: false,
      error:
        "authToken: enter the auth token again: the Sentry URL changed; webhookSecret: enter the webhook client secret again: the Sentry URL changed",
      fieldErrors: {
        authToken: "enter the auth token again: the Sentry URL changed",
        webhookSecret: "enter the webhook client secret again: the Sentry URL changed",
      },
    });
    expect(
      await settings.saveIntegration(orgId, {
        ...sentry,
        organizationSlug: "globex",
        authToken: "new-token",
        webhookSecret: undefined,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { webhookSecret: "enter the webhook client secret again: the organization slug changed" },
    });
    expect(await sentryRow()).toEqual(before);

    await settings.checkIntegration(orgId, "sentry", "req-settings-2");
    expect(second.requests).toEqual([]);
  });

  it("keeps the stored secrets when only they are left blank and nothing they are sent to changed", async () => {
    const jira = { provider: "jira", siteUrl: first.url, email: "ada@acme.test" } as const;
    await settings.saveIntegration(orgId, { ...jira, apiToken: "first-site-token" });
    expect(await settings.saveIntegration(orgId, { ...jira, apiToken: undefined })).toEqual({
      ok: true,
      changedFields: [],
    });
    await settings.checkIntegration(orgId, "jira", "req-settings-3");
    expect(first.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("ada@acme.test:first-site-token").toString("base64")}`,
    );
  });

  it("accepts a new site URL when the token is entered with it", async () => {
    const jira = { provider: "jira", siteUrl: first.url, email: "ada@acme.test" } as const;
    await settings.saveIntegration(orgId, { ...jira, apiToken: "first-site-token" });
    expect(
      await settings.saveIntegration(orgId, { ...jira, siteUrl: second.url, apiToken: "second-site-token" }),
    ).toEqual({ ok: true, changedFields: ["siteUrl", "apiToken"] });
    await settings.checkIntegration(orgId, "jira", "req-settings-4");
    expect(first.requests).toEqual([]);
    expect(second.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("ada@acme.test:second-site-token").toString("base64")}`,
    );
  });

  it("still asks for a missing secret when nothing is stored", async () => {
    expect(
      await settings.saveIntegration(orgId, {
        provider: "jira",
        siteUrl: first.url,
        email: "ada@acme.test",
        apiToken: undefined,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { apiToken: "enter the API token to connect" },
    });
    expect(await db.integrationConnection.count({ where: { orgId } })).toBe(0);
  });
  it("the Jira webhook secret is optional, kept while the site stays, and dropped when the site changes", async () => {
    const secrets = async () => openCredentials((await storedRow()).encryptedCredentials, getKeyring());
    const jira = { provider: "jira", siteUrl: first.url, email: "ada@acme.test" } as const;

    expect(await settings.saveIntegration(orgId, { ...jira, apiToken: "t1" })).toEqual({
      ok: true,
      changedFields: ["siteUrl", "email", "apiToken"],
    });
    expect((await secrets()).webhookSecret).toBeUndefined();
    expect(await settings.saveIntegration(orgId, { ...jira, webhookSecret: "whsec-1" })).toEqual({
      ok: true,
      changedFields: ["webhookSecret"],
    });
    await settings.saveIntegration(orgId, { ...jira });
    expect(await secrets()).toEqual({ apiToken: "t1", webhookSecret: "whsec-1" });

    // A secret typed for one site is never carried over to another.
    await settings.saveIntegration(orgId, { ...jira, siteUrl: second.url, apiToken: "t2" });
    expect(await secrets()).toEqual({ apiToken: "t2" });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { findSealedConnection } from "./integrations";

/** The lookup every Jira and Sentry read starts with: what a call needs, nothing else, and only this org's. */
describe("findSealedConnection", () => {
  useSeededDatabase({ label: "sealed-connection", seed: false });
  let ids: { acme: string; globex: string };

  beforeAll(async () => {
    const acme = await db.organization.create({ data: { slug: "acme", name: "Acme", workosOrgId: "org_acme" } });
    const globex = await db.organization.create({ data: { slug: "globex", name: "Globex", workosOrgId: "org_gx" } });
    ids = { acme: acme.id, globex: globex.id };
    await db.integrationConnection.create({
      data: {
        orgId: acme.id,
        provider: "sentry",
        config: { baseUrl: "https://sentry.io", organizationSlug: "acme" },
        encryptedCredentials: "v1.sealed",
        credentialsKeyId: "k1",
      },
    });
    await db.integrationConnection.create({
      data: {
        orgId: globex.id,
        provider: "jira",
        status: "disconnected",
        config: { siteUrl: "https://globex.atlassian.net" },
        encryptedCredentials: "",
        credentialsKeyId: "k1",
      },
    });
  });

  it("answers the status, the settings and the sealed credentials", async () => {
    expect(await findSealedConnection({ orgId: ids.acme, provider: "sentry" })).toEqual({
      status: "connected",
      config: { baseUrl: "https://sentry.io", organizationSlug: "acme" },
      encryptedCredentials: "v1.sealed",
    });
    expect(await findSealedConnection({ orgId: ids.globex, provider: "jira" })).toMatchObject({
      status: "disconnected",
    });
  });

  it("answers null for another org's connection and for a provider never connected", async () => {
    expect(await findSealedConnection({ orgId: ids.globex, provider: "sentry" })).toBeNull();
    expect(await findSealedConnection({ orgId: ids.acme, provider: "jira" })).toBeNull();
  });
});

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/platform/actions/org-action";
import {
  disconnectConnection,
  integrationInputSchema,
  saveConnection,
  testConnection,
} from "@/lib/features/connections";

const provider = z.enum(["jira", "sentry", "github"]);

export const saveIntegrationAction = orgAction(integrationInputSchema, "integrations:manage", async (ctx) => {
  const saved = await saveConnection(ctx, ctx.input);
  if (saved.ok) revalidatePath(`/${ctx.org.slug}/settings/integrations`);
  return saved;
});

export const testIntegrationAction = orgAction(z.object({ provider }), "integrations:manage", async (ctx) => {
  const check = await testConnection(ctx, ctx.input.provider);
  revalidatePath(`/${ctx.org.slug}/settings/integrations`);
  return { ok: true, data: check };
});

export const disconnectIntegrationAction = orgAction(z.object({ provider }), "integrations:manage", async (ctx) => {
  await disconnectConnection(ctx, ctx.input.provider);
  revalidatePath(`/${ctx.org.slug}/settings/integrations`);
  return { ok: true, data: { ok: true, message: "Disconnected." } };
});

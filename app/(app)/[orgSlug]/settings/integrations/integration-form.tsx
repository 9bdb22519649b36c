"use client";

import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { disconnectIntegrationAction, saveIntegrationAction, testIntegrationAction } from "./actions";

type Provider = "jira" | "sentry" | "github";
type Field = {
  name: string;
  label: string;
  type: "text" | "url" | "email" | "password";
  hint?: string;
  secret?: boolean;
};

const FIELDS: Record<Provider, Field[]> = {
  jira: [
    { name: "siteUrl", label: "Site URL", type: "url", hint: "e.g. https://acme.atlassian.net" },
    { name: "email", label: "Account e-mail", type: "email" },
    {
      name: "apiToken",
      label: "API token",
      type: "password",
      secret: true,
      hint: "Create one at id.atlassian.com → Security → API tokens",
    },
    {
      name: "webhookSecret",
      label: "Webhook secret (optional)",
      type: "password",
      secret: true,
      hint: "The secret of the Jira admin webhook; verifies sprint and issue events",
    },
  ],
  sentry: [
    {
      name: "baseUrl",
      label: "Sentry URL",
      type: "url",
      hint: "https://sentry.io, https://de.sentry.io or your own host",
    },
    { name: "organizationSlug", label: "Organization slug", type: "text" },
    {
      name: "authToken",
      label: "Auth token",
      type: "password",
      secret: true,
      hint: "Organization auth token with project:read, event:write",
    },
    {
      name: "webhookSecret",
      label: "Webhook client secret",
      type: "password",
      secret: true,
      hint: "From your Sentry integration; verifies webhooks",
    },
  ],
  github: [
    {
      name: "webhookSecret",
      label: "Webhook secret",
      type: "password",
      secret: true,
      hint: "The secret you set on the repository or organization webhook",
    },
  ],
};

/** The settings a stored secret is sent with: changing any of them means typing the secret again. */
const SECRET_BOUND_TO: Record<Provider, string | null> = {
  jira: "the site URL or e-mail",
  sentry: "the Sentry URL or organization slug",
  github: null,
};

function describeField(provider: Provider, field: Field, connected: boolean): string | undefined {
  const boundTo = SECRET_BOUND_TO[provider];
  if (!field.secret || !connected) return field.hint;
  const keep = boundTo
    ? `Leave blank to keep the stored one; after changing ${boundTo}, enter it again.`
    : "Leave blank to keep the stored one.";
  return field.hint ? `${field.hint}. ${keep}` : keep;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Message = { ok: boolean; text: string } | null;

export function IntegrationForm({
  orgSlug,
  provider,
  config,
  connected,
}: {
  orgSlug: string;
  provider: Provider;
  config: Record<string, string>;
  connected: boolean;
}) {
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  function save(formData: FormData) {
    const values = Object.fromEntries(FIELDS[provider].map((f) => [f.name, String(formData.get(f.name) ?? "")]));
    startTransition(async () => {
      const result = await saveIntegrationAction({ orgSlug, provider, ...values } as Parameters<
        typeof saveIntegrationAction
      >[0]);
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(
        result.ok
          ? {
              ok: result.data.ok,
              text: result.data.ok
                ? `Saved. ${result.data.message}`
                : `Saved, but the connection test failed: ${result.data.message}`,
            }
          : { ok: false, text: result.error },
      );
    });
  }

  function test() {
    startTransition(async () => {
      const result = await testIntegrationAction({ orgSlug, provider });
      setMessage(result.ok ? { ok: result.data.ok, text: result.data.message } : { ok: false, text: result.error });
    });
  }

  function disconnectNow() {
    startTransition(async () => {
      const result = await disconnectIntegrationAction({ orgSlug, provider });
      setMessage(result.ok ? { ok: true, text: "Disconnected." } : { ok: false, text: result.error });
    });
  }

  return (
    <form action={save} className="space-y-3">
      {FIELDS[provider].map((field) => {
        const id = `${provider}-${field.name}`;
        const error = fieldErrors[field.name];
        return (
          <div key={field.name}>
            <label htmlFor={id} className="block text-sm font-medium">
              {field.label}
            </label>
            <input
              id={id}
              name={field.name}
              type={field.type}
              defaultValue={field.secret ? "" : (config[field.name] ?? "")}
              placeholder={field.secret && connected ? "•••••••• stored — leave blank to keep" : undefined}
              autoComplete={field.secret ? "new-password" : "off"}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
            <p
              id={`${id}-hint`}
              className={`mt-1 text-xs ${error ? "text-red-600 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`}
            >
              {error ? capitalize(error) : describeField(provider, field, connected)}
            </p>
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2 pt-1">
        <SubmitButton pending={pending}>{connected ? "Save" : "Connect"}</SubmitButton>
        {connected && (
          <>
            <button
              type="button"
              onClick={test}
              disabled={pending}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Test connection
            </button>
            <ConfirmDialog
              title={`Disconnect ${provider}?`}
              description="Its stored credentials are deleted."
              confirmLabel={`Disconnect ${provider}`}
              pendingLabel="Disconnecting…"
              pending={pending}
              onConfirm={disconnectNow}
              trigger={(open) => (
                <button
                  type="button"
                  onClick={open}
                  disabled={pending}
                  className="rounded-md px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60 dark:text-red-400 dark:hover:bg-red-950"
                >
                  Disconnect
                </button>
              )}
            />
          </>
        )}
      </div>
      {pending && (
        <p className="text-sm text-slate-500 dark:text-slate-400" role="status">
          Working…
        </p>
      )}
      {message && !pending && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

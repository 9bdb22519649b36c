import { DEMO_PORTS } from "../lib/platform/config/demo";
import type { SeedSize } from "./seed/world";
import { startJiraEmulator } from "./jira";
import { startMailEmulator } from "./mail";
import { startSentryEmulator } from "./sentry";
import { startWorkosEmulator } from "./workos";

export type EmulatorSuite = {
  urls: { workos: string; jira: string; sentry: string; mail: string; smtp: string };
  close(): Promise<void>;
};

export type StartAllOptions = {
  host?: string;
  ports?: Partial<{ workos: number; jira: number; sentry: number; mail: number; mailHttp: number }>;
  size?: SeedSize;
  seed?: number;
  /** Where WorkOS, Sentry and Jira deliver webhooks (Bosun's base URL). */
  bosunUrl?: string;
};

/** Starts the WorkOS, Jira and Sentry emulators and the mail catcher side by side; used by `npm run emulators`, demo mode and e2e. */
export async function startAllEmulators({
  host = "127.0.0.1",
  ports = {},
  size = "demo",
  seed,
  bosunUrl,
}: StartAllOptions = {}): Promise<EmulatorSuite> {
  const common = { host, size, seed, bosunUrl };
  const started = await Promise.allSettled([
    startWorkosEmulator({ ...common, port: ports.workos ?? DEMO_PORTS.workos }),
    startJiraEmulator({ ...common, port: ports.jira ?? DEMO_PORTS.jira }),
    startSentryEmulator({ ...common, port: ports.sentry ?? DEMO_PORTS.sentry }),
    startMailEmulator({
      host,
      smtpPort: ports.mail ?? DEMO_PORTS.mail,
      httpPort: ports.mailHttp ?? DEMO_PORTS.mailHttp,
    }),
  ]);
  const running = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) {
    await Promise.all(running.map((emulator) => emulator.close()));
    const reason = failed.reason as NodeJS.ErrnoException;
    throw new Error(
      reason.code === "EADDRINUSE"
        ? `An emulator port is already in use (${reason.message}). Is another \`npm run dev\` or \`npm run emulators\` running?`
        : String(reason),
    );
  }
  const [workos, jira, sentry, mail] = running as [
    Awaited<ReturnType<typeof startWorkosEmulator>>,
    Awaited<ReturnType<typeof startJiraEmulator>>,
    Awaited<ReturnType<typeof startSentryEmulator>>,
    Awaited<ReturnType<typeof startMailEmulator>>,
  ];
  return {
    urls: { workos: workos.url, jira: jira.url, sentry: sentry.url, mail: mail.url, smtp: mail.smtpUrl },
    close: async () => {
      await Promise.all([workos.close(), jira.close(), sentry.close(), mail.close()]);
    },
  };
}

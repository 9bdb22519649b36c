import { DEMO_HOST, DEMO_PORTS } from "../lib/platform/config/demo";
import { startAllEmulators } from "../emulators/start-all";
import { checkPortFree } from "./doctor/ports";

async function isUp(url: string) {
  try {
    return (await fetch(`${url}/__emulator/health`, { signal: AbortSignal.timeout(500) })).ok;
  } catch {
    return false;
  }
}

/**
 * The local stand-ins for WorkOS, Jira and Sentry that demo mode runs against.
 * If `npm run emulators` is already serving them, they are reused. Returns a
 * function that stops what this call started.
 */
export async function startDemoServices(bosunUrl: string): Promise<() => Promise<void>> {
  const urls = (["workos", "jira", "sentry", "mailHttp"] as const).map(
    (name) => `http://${DEMO_HOST}:${DEMO_PORTS[name]}`,
  );
  if ((await Promise.all(urls.map(isUp))).every(Boolean)) {
    console.log("Emulators: reusing the ones already running");
    return async () => {};
  }
  // A port held by anything else (even one emulator left from an earlier run) stops the start with its holder named.
  for (const name of ["workos", "jira", "sentry", "mailHttp", "mail"] as const) {
    const taken = await checkPortFree(
      DEMO_PORTS[name],
      `${{ workos: "WorkOS", jira: "Jira", sentry: "Sentry", mailHttp: "mail catcher (web)", mail: "mail catcher (SMTP)" }[name]} emulator`,
      "stop it; demo mode's emulators always use ports 4101–4105",
    );
    if (taken) throw new Error(taken);
  }
  const suite = await startAllEmulators({ bosunUrl });
  console.log(
    `Emulators: WorkOS ${suite.urls.workos}, Jira ${suite.urls.jira}, Sentry ${suite.urls.sentry}, mail catcher ${suite.urls.mail} (SMTP ${suite.urls.smtp})`,
  );
  return () => suite.close();
}

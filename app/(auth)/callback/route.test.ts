import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { launchVariables, parseEnv } from "@/lib/platform/env/schema";
import { useSeededDatabase } from "@/test/fixtures/database";
import { enterRequest } from "@/test/fake-next-headers";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import type * as CallbackRoute from "./route";
import type * as SignInRoute from "../sign-in/route";

vi.mock("next/headers", async () => (await import("@/test/fake-next-headers")).fakeNextHeaders());

/** The real AuthKit callback handler against the WorkOS emulator, with what a browser could send it. */
describe("GET /callback", () => {
  let workos: RunningWorkosEmulator;
  let callback: typeof CallbackRoute;
  let signIn: typeof SignInRoute;

  const get = (path: string, cookie?: string) => {
    const request = new NextRequest(new URL(path, "http://127.0.0.1:3999"), { headers: cookie ? { cookie } : {} });
    enterRequest(request);
    return callback.GET(request);
  };

  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
  });
  const database = useSeededDatabase({ label: "callback", seed: false });
  beforeAll(async () => {
    const variables = {
      DATABASE_URL: database.url,
      BOSUN_PUBLIC_URL: "http://127.0.0.1:3999",
      WORKOS_API_PORT: String(workos.port),
    };
    for (const [name, value] of Object.entries({ ...variables, ...launchVariables(parseEnv(variables)) }))
      vi.stubEnv(name, value);
    // AuthKit itself reads its configuration from the environment when it loads, so its modules load again after it is set.
    vi.resetModules();
    callback = await import("./route");
    signIn = await import("../sign-in/route");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await workos.close();
  });

  it("fuzz: a callback without its parameters, with a forged state, or with a wrong code is a 400, not a 500", async () => {
    for (const path of ["/callback", "/callback?code=x", "/callback?state=x"]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ error: "sign_in_failed" });
    }
    expect((await get("/callback?code=x&state=forged", "wos-auth-verifier=forged")).status).toBe(400);

    // A real sign-in's state and verifier cookie, with a code WorkOS never issued.
    const started = new NextRequest("http://127.0.0.1:3999/sign-in");
    enterRequest(started);
    const redirect = await signIn.GET(started).then(
      () => null,
      (error: { digest?: string }) => error.digest ?? null,
    );
    const authorizeUrl = new URL(/^NEXT_REDIRECT;\w+;(.+);\d+;?$/.exec(redirect ?? "")?.[1] ?? "http://invalid");
    const state = authorizeUrl.searchParams.get("state")!;
    const { cookies } = await (await import("@/test/fake-next-headers")).fakeNextHeaders();
    const verifier = (await cookies()).getAll().find((c) => c.name.startsWith("wos-auth-verifier"))!;
    const response = await get(
      `/callback?code=01NEVERISSUED&state=${encodeURIComponent(state)}`,
      `${verifier.name}=${verifier.value}`,
    );
    expect(response.status).toBe(400);
  });
});

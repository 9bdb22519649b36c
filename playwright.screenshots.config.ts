import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run screenshots`: the e2e server and sign-ins, with the screenshot walk instead of the test suite. */
export default defineConfig({
  ...base,
  reporter: [["list"]],
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "screenshots",
      testMatch: /.*\.screenshots\.ts/,
      use: base.projects?.[1]?.use,
      dependencies: ["setup"],
    },
  ],
});

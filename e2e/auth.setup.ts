import { test as setup } from "@playwright/test";
import { STORAGE_STATE, signInThroughHostedPage } from "./fixtures/auth";

for (const [key, email] of [
  ["grace", "grace@acme.test"],
  ["ada", "ada@acme.test"],
  ["hedy", "hedy@globex.test"],
  ["linus", "linus@acme.test"],
] as const) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await signInThroughHostedPage(page, email);
    await page.context().storageState({ path: STORAGE_STATE[key] });
  });
}

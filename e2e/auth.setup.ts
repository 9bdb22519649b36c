import { test as setup } from "@playwright/test";
import { STORAGE_STATE, signInThroughHostedPage } from "./fixtures/auth";

setup("sign in as grace@acme.test", async ({ page }) => {
  await signInThroughHostedPage(page, "grace@acme.test");
  await page.context().storageState({ path: STORAGE_STATE.grace });
});

import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { axeViolations, settle } from "./fixtures/axe";
import { fillInsightsHistory } from "./fixtures/history";
import { issuePages, ORG_PAGES } from "./fixtures/pages";

/**
 * Every page of an org as each role finds it, checked by axe (WCAG 2.1 A/AA) in light and dark mode: the page's own
 * content everywhere, and the shell around it (sidebar or phone header, menus' buttons) on the Overview. Dark mode
 * is the `dark` class the theme script sets, toggled in place so each page loads once for both passes; it changes
 * colours only, so the dark pass runs the colour rules (fixtures/axe.ts). The member
 * walks on a 390 px phone, where no page may scroll sideways.
 */
const ROLES = [
  { role: "an admin", storageState: STORAGE_STATE.ada, phone: false },
  { role: "a manager", storageState: STORAGE_STATE.grace, phone: false },
  { role: "a member, on a 390 px phone", storageState: STORAGE_STATE.linus, phone: true },
] as const;

for (const { role, storageState, phone } of ROLES) {
  test.describe(`every page as ${role}`, () => {
    test.use({ storageState, ...(phone ? { viewport: { width: 390, height: 844 } } : {}) });

    test("has no axe violations, in light and dark mode", async ({ page }) => {
      test.setTimeout(900_000); // a walk over every page; each step keeps its own ceiling
      // Insights shows its charts once the history is filled; the first walk fills it, the others find it done.
      const sprintReport = await fillInsightsHistory(page);
      const found: string[] = [];
      for (const path of [...ORG_PAGES, sprintReport, ...(await issuePages(page))]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await settle(page);
        if (phone) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) found.push(`${path}: the page scrolls sideways by ${overflow} px at 390 px`);
        }
        for (const dark of [false, true]) {
          // Colours that transition (links, buttons) are checked once they have arrived, not half-way.
          await page.evaluate(async (on) => {
            document.documentElement.classList.toggle("dark", on);
            await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {})));
          }, dark);
          const scope = path === "/acme" ? "body" : "#main";
          for (const v of await axeViolations(page, scope, { colourOnly: dark }))
            found.push(
              `${path} (${dark ? "dark" : "light"}): ${v.id} [${v.impact}] ${v.targets.slice(0, 4).join(" | ")}`,
            );
        }
      }
      // Every page is checked before the test fails, so one run lists every violation.
      expect(found).toEqual([]);
    });
  });
}

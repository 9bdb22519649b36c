import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";

/** The Performance page as a member: web vitals with their bands, the slowest transactions first. */
const seconds = (text: string) => {
  const match = /([\d.]+)\s*(ms|s)/.exec(text);
  if (!match) return Number.NaN;
  return match[2] === "s" ? Number(match[1]) * 1000 : Number(match[1]);
};

test.describe("performance as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("opens Performance from the sidebar and sees the vitals with bands and the slowest transactions first", async ({
    page,
  }) => {
    await page.goto("/acme");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Performance" }).click();
    await expect(page).toHaveURL(/\/acme\/performance$/);
    await expect(page.getByRole("heading", { level: 1, name: "Performance" })).toBeVisible();

    const vitals = page.getByRole("list", { name: "Web vitals" });
    await expect(vitals.getByRole("listitem")).toHaveCount(5);
    for (const vital of ["LCP", "INP", "CLS", "FCP", "TTFB"]) {
      const card = vitals.getByRole("listitem").filter({ hasText: vital });
      await expect(card.getByText(/^(Good|Needs improvement|Poor)$/)).toBeVisible();
      await expect(card.getByText(/% good · [\d.]+% needs improvement · [\d.]+% poor/)).toBeVisible();
    }

    const transactions = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Transactions (slowest p95 first)" }) });
    const rows = transactions.getByRole("row").filter({ has: page.getByRole("rowheader") });
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(1);
    const p95s = await rows.locator("td:nth-child(5)").allInnerTexts();
    const values = p95s.map(seconds).filter((v) => !Number.isNaN(v));
    expect(values).toEqual([...values].sort((a, b) => b - a));

    await transactions.getByRole("link", { name: "p95 vs previous period" }).click();
    await expect(page).toHaveURL(/sort=regressed/);
    await expect(page.getByRole("heading", { name: "Transactions (most regressed first)" })).toBeVisible();

    await expect(page.getByRole("img", { name: /^p75 LCP from / })).toBeVisible();
    await expect(page.getByRole("img", { name: /^p95 API latency from / })).toBeVisible();
  });

  test("a chart point shows its value on keyboard focus and on hover", async ({ page }) => {
    await page.goto("/acme/performance");
    const chart = page.getByRole("figure").filter({ has: page.getByRole("img", { name: /^p75 LCP from / }) });
    const points = chart.getByRole("group", { name: "Chart values" }).getByRole("img");
    await expect(points.first()).toBeVisible();
    const label = (point: typeof points) =>
      point.evaluate((el) => {
        const after = getComputedStyle(el, "::after");
        return { opacity: after.opacity, text: after.content };
      });
    const first = points.first();
    expect((await label(first)).opacity).toBe("0");
    await first.focus();
    await expect.poll(async () => (await label(first)).opacity).toBe("1");
    // Named "p75 LCP, Nov 27, 06:00: 2.5 s"; the label shows the time and the value.
    const [, time, value] = /^p75 LCP, (.+): (.+)$/.exec((await first.getAttribute("aria-label"))!)!;
    expect((await label(first)).text).toContain(time);
    expect((await label(first)).text).toContain(`p75 LCP: ${value}`);

    const last = points.last();
    await last.hover();
    await expect.poll(async () => (await label(last)).opacity).toBe("1");
  });
});

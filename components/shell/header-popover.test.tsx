import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { HeaderPopover } from "./header-popover";
import { InboxPopover } from "./inbox-popover";
import { MobileNav } from "./mobile-nav";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

vi.mock("next/navigation", () => ({ usePathname: () => "/acme/errors" }));
// The switcher's form posts to a server action; its markup is what is tested here.
vi.mock("@/app/(app)/[orgSlug]/actions", () => ({ switchOrgAction: vi.fn(), signOutEverywhere: vi.fn() }));
vi.mock("@/app/(auth)/actions", () => ({ signOutAction: vi.fn() }));

// HTML attribute names are case-insensitive: React writes `popoverTarget`, the browser reads `popovertarget`.
const attribute = (html: string, element: string, name: string) =>
  new RegExp(`<${element}[^>]* ${name}="([^"]*)"`, "i").exec(html)?.[1];
/** The classes of the element carrying `popover`. */
const panelClasses = (html: string) =>
  /<div id="[^"]+" popover="auto" class="([^"]*)"/.exec(html)?.[1]?.split(" ") ?? [];

describe("HeaderPopover", () => {
  const html = renderToStaticMarkup(
    <HeaderPopover
      id="account-menu"
      align="end"
      testId="account"
      buttonClassName="rounded-full"
      button={<span className="sr-only">Account menu for Ada</span>}
      panelClassName="w-64 p-3"
    >
      <p>Ada Lovelace</p>
    </HeaderPopover>,
  );

  it("is a button that toggles the panel with the same id, before any script has run", () => {
    expect(html).toContain(
      '<div data-testid="account"><button type="button" popoverTarget="account-menu" class="rounded-full">',
    );
    expect(html).toContain('<div id="account-menu" popover="auto" class="');
    expect(html).toContain("<p>Ada Lovelace</p>");
  });

  it("places the panel under the header at the button's edge, and never sets a display that would keep it open", () => {
    const classes = panelClasses(html);
    expect(classes).toEqual(expect.arrayContaining(["fixed", "inset-auto", "top-15", "m-0", "right-2", "w-64"]));
    expect(classes.filter((c) => ["block", "flex", "grid", "inline-block"].includes(c))).toEqual([]);
  });
});

describe("the header's popovers", () => {
  it("the mobile navigation opens the main nav from a named button and hides from md up", () => {
    const html = renderToStaticMarkup(<MobileNav orgSlug="acme" />);
    expect(html).toMatch(/^<div class="shrink-0 md:hidden">/);
    expect(attribute(html, "button", "popovertarget")).toBe("navigation-menu");
    expect(html).toContain('<span class="sr-only">Open navigation</span>');
    expect(html).toMatch(/<div id="navigation-menu" popover="auto"[^>]*>.*<nav aria-label="Main"/);
    expect(html).toMatch(/<a aria-current="page"[^>]*href="\/acme\/errors"/);
    expect(panelClasses(html)).toEqual(expect.arrayContaining(["left-2", "md:left-64"]));
    expect(html).not.toContain("border-t");
  });

  it("the org switcher names its button with the org, truncates a long name and marks the current org", () => {
    const html = renderToStaticMarkup(
      <OrgSwitcher
        current={{ slug: "acme", name: "Acme Maritime Holdings International" }}
        orgs={[
          { slug: "acme", name: "Acme Maritime Holdings International", role: "admin" },
          { slug: "globex", name: "Globex Shipping", role: "member" },
        ]}
      />,
    );
    expect(html).toMatch(
      /<button type="button" popoverTarget="org-switcher-menu" aria-label="Acme Maritime Holdings International, switch organization"/,
    );
    expect(html).toContain('<span class="min-w-0 truncate">Acme Maritime Holdings International</span>');
    expect(html).toMatch(/^<div class="group min-w-0">/);
    expect(html).toContain('<ul aria-label="Organizations">');
    expect(html).toMatch(/aria-current="true"[^>]*><span[^>]*>Acme Maritime Holdings International<\/span>/);
    expect(html).not.toMatch(/aria-current="true"[^>]*><span[^>]*>Globex/);
  });

  it("the inbox keeps its test id, says the unread count in its name and shows it on the bell", () => {
    const html = renderToStaticMarkup(
      <InboxPopover unread={120} label="Notifications, 120 unread">
        <h2>Notifications</h2>
      </InboxPopover>,
    );
    expect(html).toMatch(/^<div data-testid="inbox"><button type="button" popoverTarget="inbox-panel"/);
    expect(html).toContain('<span class="sr-only">Notifications, 120 unread</span>');
    expect(html).toMatch(/aria-hidden="true"[^>]*>99\+<\/span>/);
    expect(html).toContain('<div id="inbox-panel" popover="auto"');
  });

  it("the inbox shows no count when nothing is unread", () => {
    const html = renderToStaticMarkup(
      <InboxPopover unread={0} label="Notifications, none unread">
        <p>No notifications yet.</p>
      </InboxPopover>,
    );
    expect(html).not.toContain('aria-hidden="true" class="absolute');
  });

  it("the account menu is named for the user and opens at the right edge", () => {
    const html = renderToStaticMarkup(
      <UserMenu user={{ name: "Grace Hopper", email: "grace@acme.test" }} role="manager" orgSlug="acme" />,
    );
    expect(attribute(html, "button", "popovertarget")).toBe("account-menu");
    expect(html).toContain('<span class="sr-only">Account menu for Grace Hopper</span>');
    expect(html).toMatch(/aria-hidden="true"[^>]*>GH<\/span>/);
    expect(panelClasses(html)).toEqual(expect.arrayContaining(["right-2", "w-64"]));
    expect(html).toContain(">Sign out</button>");
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UpstreamErrorText } from "./upstream-error-text";

describe("UpstreamErrorText", () => {
  it("leads with the plain explanation and keeps the service's words under Details", () => {
    const raw = "Create the bug: Jira answered 400: priority: Priority name 'P0' is not valid";
    const html = renderToStaticMarkup(<UpstreamErrorText text={raw} />);
    expect(html).toContain("Jira has no priority P0");
    expect(html).toMatch(/Pick a priority that exists in Jira/);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Details<\/summary>/);
    expect(html).toContain("Priority name &#x27;P0&#x27; is not valid");
    expect(html.indexOf("Jira has no priority P0")).toBeLessThan(html.indexOf("<details"));
  });

  it("uses the caller's Jira projects", () => {
    const html = renderToStaticMarkup(
      <UpstreamErrorText
        text="Jira answered 400: The value '0.1.0' does not exist for the field 'fixVersion'."
        context={{ jiraProjectKeys: ["ACME", "PORT"] }}
      />,
    );
    expect(html).toContain("No Jira fixVersion named 0.1.0 in ACME or PORT");
  });

  it("shows Bosun's own words as they are", () => {
    const html = renderToStaticMarkup(<UpstreamErrorText text="The rule's settings are no longer valid" />);
    expect(html).toContain("The rule&#x27;s settings are no longer valid");
    expect(html).not.toContain("<details");
  });
});

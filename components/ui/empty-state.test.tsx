import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyState } from "./empty-state";

describe("EmptyState", () => {
  it("says what is missing, what to do and links to where it is done", () => {
    const html = renderToStaticMarkup(
      <EmptyState title="No releases yet" action={{ href: "/acme/settings/integrations", label: "Open integrations" }}>
        Releases appear when you deploy with a release name.
      </EmptyState>,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain("No releases yet");
    expect(html).toContain("Releases appear when you deploy with a release name.");
    expect(html).toContain('href="/acme/settings/integrations"');
  });

  it("leaves out the link and the text when not given", () => {
    const html = renderToStaticMarkup(<EmptyState title="Nothing here" />);
    expect(html).not.toContain("<a");
    expect(html.match(/<p/g)).toHaveLength(1);
  });
});

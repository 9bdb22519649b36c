import { describe, expect, it } from "vitest";
import { describeTicketRetry } from "./describe-ticket-retry";

describe("describeTicketRetry", () => {
  it("names the filed ticket, or says what happens next", () => {
    expect(describeTicketRetry({ status: "created", key: "ACME-9", url: "https://jira/browse/ACME-9" })).toEqual({
      ok: true,
      data: { status: "succeeded", message: "Done: ACME-9 is filed and linked." },
    });
    expect(describeTicketRetry({ status: "existing", key: "ACME-9", url: "https://jira/browse/ACME-9" })).toMatchObject(
      { ok: true, data: { status: "succeeded" } },
    );
    expect(describeTicketRetry({ status: "pending", message: "Jira is not answering", retryAt: null })).toEqual({
      ok: true,
      data: { status: "pending", message: "Jira is not answering" },
    });
    expect(describeTicketRetry({ status: "failed", message: "400: no project" })).toEqual({
      ok: true,
      data: { status: "failed", message: "Failed again: 400: no project" },
    });
  });
});

import { describe, expect, it } from "vitest";
import { readLimitedBody } from "./read-limited-body";

/** A body of `chunks`, counting the chunks the reader pulled, as a socket would hand them over. */
function streamedRequest(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  const pulled = { count: 0 };
  let index = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (index === chunks.length) return controller.close();
        pulled.count += 1;
        controller.enqueue(chunks[index++]);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    request: new Request("http://bosun.test/hook", { method: "POST", headers, body, duplex: "half" } as RequestInit),
    pulled,
  };
}

const bytes = (length: number) => new Uint8Array(length).fill(0x61);

describe("readLimitedBody", () => {
  it("reads a body of exactly the limit, across chunks", async () => {
    const { request } = streamedRequest([bytes(400), bytes(400), bytes(200)]);
    const read = await readLimitedBody(request, 1_000);
    expect(read.ok && read.bytes.byteLength).toBe(1_000);
    expect(read.ok && read.text).toBe("a".repeat(1_000));
  });

  it("finding 1 (body limit): stops pulling at the chunk that passes the limit and answers 413", async () => {
    const { request, pulled } = streamedRequest(Array.from({ length: 10 }, () => bytes(400)));
    const read = await readLimitedBody(request, 1_000);
    expect(read.ok).toBe(false);
    // Three chunks cross 1 000 bytes; the other seven are never asked for.
    expect(pulled.count).toBe(3);
    if (read.ok) return;
    expect(read.response.status).toBe(413);
    expect(read.response.headers.get("connection")).toBe("close");
    expect(await read.response.json()).toEqual({ error: "too_large", message: "The body is larger than 1000 bytes." });
  });

  it("finding 1 (body limit): refuses a declared Content-Length over the limit without pulling a byte", async () => {
    const { request, pulled } = streamedRequest([bytes(10)], { "content-length": "1001" });
    const read = await readLimitedBody(request, 1_000);
    expect(read.ok).toBe(false);
    expect(pulled.count).toBe(0);
  });

  it("decodes UTF-8 split across chunk boundaries", async () => {
    const encoded = new TextEncoder().encode('{"title":"Überfahrt ⚓ 🚢"}');
    const { request } = streamedRequest([encoded.subarray(0, 11), encoded.subarray(11, 22), encoded.subarray(22)]);
    const read = await readLimitedBody(request, 1_000);
    expect(read.ok && read.text).toBe('{"title":"Überfahrt ⚓ 🚢"}');
  });

  it("reads a request without a body as empty", async () => {
    const read = await readLimitedBody(new Request("http://bosun.test/hook", { method: "POST" }), 1_000);
    expect(read).toMatchObject({ ok: true, text: "" });
  });
});

import { describe, expect, it } from "vitest";
import { createJournal } from "../src/core/journal.mjs";

const request = (n: number, extra: Record<string, unknown> = {}) => ({
  method: "post",
  path: "/server/api/v2/labels",
  query: new URLSearchParams([["a", "1"], ["b", "2"], ["b", "3"]]),
  headers: { authorization: "Bearer secret-token-123", "content-type": "application/json" },
  body: { id: `label${n}`, name: "x" },
  operationId: "createLabel",
  status: 200,
  ...extra,
});

describe("request journal", () => {
  it("keeps exactly what was sent, with the token masked", () => {
    const journal = createJournal();
    expect(journal.record(request(1, { violations: [{ location: "body", path: "/id", message: "m" }] }))).toBe(1);
    const [entry] = journal.list();
    expect(entry).toEqual({
      id: 1,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      kind: "request",
      method: "POST",
      path: "/server/api/v2/labels",
      query: { a: "1", b: ["2", "3"] },
      headers: { authorization: "Bearer ***", "content-type": "application/json" },
      body: { id: "label1", name: "x" },
      operationId: "createLabel",
      status: 200,
      violations: [{ location: "body", path: "/id", message: "m" }],
    });
    expect(JSON.stringify(journal.list())).not.toContain("secret-token-123");
    journal.record(request(2, { headers: { Authorization: "garbage" } }));
    expect((journal.list()[1] as any).headers).toEqual({ Authorization: "***" });
    expect(journal.list()[0]).toBe(entry); // built once, on first read
  });

  it("keeps each request's own headers when consecutive requests send the same or different ones", () => {
    const journal = createJournal({ limit: 2 });
    const sent = [
      { authorization: "Bearer a", accept: "*/*" },
      { authorization: "Bearer b", accept: "*/*" },
      { accept: "*/*", authorization: "Bearer b" },
      { authorization: "Bearer b" },
      { authorization: "Bearer b", accept: "*/*", prefer: "code=404" },
    ];
    const seen = sent.map((headers) => {
      journal.record(request(1, { headers: { ...headers } }));
      return (journal.list().at(-1) as any).headers;
    });
    expect(seen).toEqual([
      { authorization: "Bearer ***", accept: "*/*" },
      { authorization: "Bearer ***", accept: "*/*" },
      { accept: "*/*", authorization: "Bearer ***" },
      { authorization: "Bearer ***" },
      { authorization: "Bearer ***", accept: "*/*", prefer: "code=404" },
    ]);
  });

  it("drops the oldest entries beyond its limit", () => {
    const journal = createJournal({ limit: 3 });
    for (let n = 1; n <= 5; n++) journal.record(request(n));
    expect(journal.size).toBe(3);
    expect(journal.list().map((e: any) => e.body.id)).toEqual(["label3", "label4", "label5"]);
    expect(createJournal().limit).toBe(10000);
    expect(() => createJournal({ limit: 0 })).toThrow(/at least 1 \(got 0\)/);
  });

  it("filters by operationId, since and kind, and clears", () => {
    const journal = createJournal();
    journal.record(request(1, { time: "2026-01-01T00:00:00.000Z" }));
    journal.record(request(2, { time: "2026-01-02T00:00:00.000Z", operationId: "getLabel" }));
    journal.recordDelivery({ time: "2026-01-03T00:00:00.000Z", url: "http://127.0.0.1:1/h", eventName: "chatResolved", attempt: 1, status: 200, final: true });
    expect(journal.list({ operationId: "getLabel" }).map((e) => e.id)).toEqual([2]);
    expect(journal.list({ since: "2026-01-02T00:00:00Z" }).map((e) => e.id)).toEqual([2, 3]);
    expect(journal.list({ since: Date.parse("2026-01-03T00:00:00Z") }).map((e) => e.kind)).toEqual(["webhook"]);
    expect(journal.list({ kind: "request" })).toHaveLength(2);
    expect(() => journal.list({ since: "yesterday" })).toThrow(/since must be an ISO 8601 date-time .* \(got "yesterday"\)/);
    journal.clear();
    expect(journal.list()).toEqual([]);
    expect(journal.record(request(3))).toBe(4); // ids keep counting after a clear
    expect(journal.list().map((e) => e.id)).toEqual([4]);
  });

  it("entries cannot be changed by whoever reads them", () => {
    const journal = createJournal();
    journal.record(request(1));
    expect(() => {
      (journal.list()[0] as any).status = 500;
    }).toThrow(TypeError);
  });
});

import { describe, expect, it } from "vitest";
import { createTexterClient, iterateChatMessages, paginate, TexterError } from "../src/index.js";
import { fakeFetch, jsonResponse, TOKEN } from "./helpers.js";

const baseUrl = "http://mock.test/server/api/v2";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Answers skip/limit pages out of `items`, shaped like Texter's list responses. */
function listServer(items: unknown[], shape: (page: unknown[], total: number) => unknown) {
  return fakeFetch((request) => {
    const url = new URL(request.url);
    const skip = Number(url.searchParams.get("skip"));
    const limit = Number(url.searchParams.get("limit"));
    return jsonResponse(shape(items.slice(skip, skip + limit), items.length));
  });
}

const pageParams = (calls: Request[]) => calls.map((c) => `${new URL(c.url).searchParams.get("skip")}+${new URL(c.url).searchParams.get("limit")}`);

describe("paginate (skip/limit lists)", () => {
  it("walks List All Labels until `total` items were seen, without an extra request", async () => {
    const labels = Array.from({ length: 6 }, (_, i) => ({ id: `l${i}`, name: `Label ${i}` }));
    const { fetch, calls } = listServer(labels, (page, total) => ({ total, labels: page }));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const seen = await collect(paginate(client, "/labels", { pageSize: 2 }));
    expect(seen.map((l) => l.id)).toEqual(["l0", "l1", "l2", "l3", "l4", "l5"]);
    expect(pageParams(calls)).toEqual(["0+2", "2+2", "4+2"]);
  });

  it("keeps the caller's filters on every page of Search Chats and stops on a short page", async () => {
    const chats = Array.from({ length: 5 }, (_, i) => ({ _id: `c${i}`, title: `Chat ${i}` }));
    const { fetch, calls } = listServer(chats, (page, total) => ({ data: page, total }));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const seen = await collect(paginate(client, "/chats/search", { pageSize: 3, params: { query: { search: "Dana", "statuses[]": ["PENDING"] } } }));
    expect(seen).toHaveLength(5);
    expect(pageParams(calls)).toEqual(["0+3", "3+3"]);
    for (const call of calls) {
      expect(new URL(call.url).searchParams.get("search")).toBe("Dana");
      expect(new URL(call.url).searchParams.getAll("statuses[]")).toEqual(["PENDING"]);
    }
  });

  it("pages bare arrays (no total) until an empty page, with path parameters", async () => {
    const users = Array.from({ length: 4 }, (_, i) => ({ phone: `1555010012${i}` }));
    const { fetch, calls } = listServer(users, (page) => page);
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const seen = await collect(paginate(client, "/whatsapp/templates/unsubscribed/{accountId}", { pageSize: 2, params: { path: { accountId: "15550100000" } } }));
    expect(seen.map((u) => u.phone)).toEqual(users.map((u) => u.phone));
    expect(pageParams(calls)).toEqual(["0+2", "2+2", "4+2"]);
    expect(new URL(calls[0]!.url).pathname).toBe("/server/api/v2/whatsapp/templates/unsubscribed/15550100000");
  });

  it("ends at once on an empty list", async () => {
    const { fetch, calls } = listServer([], (page, total) => ({ total, quickReplies: page }));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    expect(await collect(paginate(client, "/quick-replies"))).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("throws a TexterError with status and body when a page fails", async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ success: false, error: "Missing or invalid bearer token" }, 401));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const error = await collect(paginate(client, "/labels")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TexterError);
    expect(error).toMatchObject({ code: "API", status: 401, body: { error: "Missing or invalid bearer token" } });
  });

  it("rejects a bad page size", async () => {
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch: fakeFetch(() => jsonResponse([])).fetch });
    await expect(collect(paginate(client, "/labels", { pageSize: 0 }))).rejects.toThrow(/pageSize must be a positive integer/);
  });
});

describe("iterateChatMessages (beforeTime + beforeId cursor)", () => {
  // Texter answers the messages at or before beforeTime, except beforeId, oldest first.
  const history = Array.from({ length: 5 }, (_, i) => ({ _id: `m${i}`, timestamp: 1_767_000_000_000 + i * 1000, type: "text", text: `#${i}` }));
  function messagesServer() {
    return fakeFetch((request) => {
      const url = new URL(request.url);
      const before = Number(url.searchParams.get("beforeTime"));
      const beforeId = url.searchParams.get("beforeId");
      const limit = Number(url.searchParams.get("limit"));
      const eligible = history.filter((m) => m.timestamp <= before && m._id !== beforeId);
      return jsonResponse({ messages: eligible.slice(-limit), minTime: history[0]!.timestamp, maxTime: history.at(-1)!.timestamp });
    });
  }

  it("yields every message newest first, moving the cursor to the oldest message of each page", async () => {
    const { fetch, calls } = messagesServer();
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const seen = await collect(iterateChatMessages(client, "chat1", { pageSize: 2 }));
    expect(seen.map((m) => m._id)).toEqual(["m4", "m3", "m2", "m1", "m0"]);
    const cursors = calls.map((c) => new URL(c.url).searchParams.get("beforeId"));
    expect(cursors).toEqual(["0", "m3", "m1"]);
    expect(new URL(calls[1]!.url).searchParams.get("beforeTime")).toBe(String(history[3]!.timestamp));
  });

  it("starts below a given cursor", async () => {
    const { fetch } = messagesServer();
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const seen = await collect(iterateChatMessages(client, "chat1", { pageSize: 10, before: { timestamp: history[2]!.timestamp, id: "m2" } }));
    expect(seen.map((m) => m._id)).toEqual(["m1", "m0"]);
  });

  it("refuses to loop when the API returns the cursor again", async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ messages: [history[0], history[1]], minTime: 0, maxTime: 0 }));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const iterator = iterateChatMessages(client, "chat1", { pageSize: 2, before: { timestamp: history[0]!.timestamp, id: "m0" } });
    await expect(collect(iterator)).rejects.toThrow(/returned no new cursor/);
  });
});

import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDispatcher, type DeliveryReport } from "../src/core/dispatcher.mjs";
import { eventViolations, worldHarness } from "./world-support.js";

/** A webhook receiver on port 0 that answers the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[] = [200]) {
  const bodies: any[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      bodies.push({ contentType: req.headers["content-type"], body: JSON.parse(body) });
      res.writeHead(statuses[Math.min(bodies.length, statuses.length) - 1]!).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url, bodies };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const TEMPLATES: { id: string; importBody: any }[] = JSON.parse(readFileSync(new URL("../../../spec/test/fixtures/webhook-subscription-templates.json", import.meta.url), "utf8"));
const subscription = (id: string, url: string) => JSON.parse(JSON.stringify(TEMPLATES.find((t) => t.id === id)!.importBody).replaceAll("{{yourWebhookURL}}", url));

function setup(retryDelays = [5, 5, 5]) {
  const harness = worldHarness();
  const reports: DeliveryReport[] = [];
  const dispatcher = createDispatcher({ spec: harness.spec, report: (d) => reports.push(d), retryDelays });
  harness.world.onEvent((event, targets) => dispatcher.deliver(event, targets));
  closers.push(() => dispatcher.close());
  return { ...harness, reports, dispatcher };
}

const EVENT = { eventName: "chatResolved", eventData: { chat: { _id: "64de3b15398a8e09c47a9f62" } } };

describe("webhook dispatcher", () => {
  it("a resolve delivers chatResolved to the imported subscription's URL, valid against its schema", async () => {
    const { url, bodies } = await receiver();
    const { call, dispatcher, reports, spec } = setup();
    const scenarioId = call("importSubscription", { body: subscription("sub-chat-resolved", url) }).body._id;
    call("resolveChat", { pathParams: { chatId: "64de3b15398a8e09c47a9f62" } });
    await dispatcher.idle();
    expect(bodies).toHaveLength(1);
    expect(bodies[0].contentType).toBe("application/json");
    expect(bodies[0].body).toMatchObject({ eventName: "chatResolved", eventData: { chat: { _id: "64de3b15398a8e09c47a9f62", status: 3 } } });
    expect(eventViolations(spec, bodies[0].body)).toEqual([]);
    expect(reports.filter((r) => r.url === url)).toEqual([{ time: expect.any(String), url, eventName: "chatResolved", scenarioId, attempt: 1, status: 200, final: true }]);
    // The seed's own Chat Resolved subscription points at example.org: reported, never sent.
    expect(reports.filter((r) => r.url !== url).map((r) => [r.url, r.attempt, r.error])).toEqual([
      ["https://example.org/hooks/texter", 0, expect.stringMatching(/reserved for documentation/)],
    ]);
  });

  it("a simulated incoming message delivers newIncomingMessage (and not to an unrelated subscription)", async () => {
    const incoming = await receiver();
    const resolved = await receiver();
    const { call, world, dispatcher } = setup();
    call("importSubscription", { body: subscription("sub-new-incoming-messages", incoming.url) });
    call("importSubscription", { body: subscription("sub-chat-resolved", resolved.url) });
    world.simulateIncomingMessage({ chatId: "64de3b15398a8e09c47a9f62", text: "Hello?" });
    await dispatcher.idle();
    expect(incoming.bodies.map((b) => [b.body.eventName, b.body.eventData.message.text])).toEqual([["newIncomingMessage", "Hello?"]]);
    expect(resolved.bodies).toEqual([]);
  });

  it("retries 5xx and 429 until the receiver takes it", async () => {
    const { url, bodies } = await receiver([503, 429, 200]);
    const { dispatcher, reports } = setup();
    dispatcher.deliver(EVENT, [{ url }]);
    await dispatcher.idle();
    expect(bodies).toHaveLength(3);
    expect(reports.map((r) => [r.attempt, r.status, r.final])).toEqual([[1, 503, false], [2, 429, false], [3, 200, true]]);
  });

  it("gives up after the last retry, and does not retry a 4xx", async () => {
    const failing = await receiver([500]);
    const missing = await receiver([404]);
    const { dispatcher, reports } = setup([1, 1]);
    dispatcher.deliver(EVENT, [{ url: failing.url }, { url: missing.url }]);
    await dispatcher.idle();
    expect(reports.filter((r) => r.url === failing.url).map((r) => [r.attempt, r.status, r.final])).toEqual([[1, 500, false], [2, 500, false], [3, 500, true]]);
    expect(reports.filter((r) => r.url === missing.url).map((r) => [r.attempt, r.status, r.final])).toEqual([[1, 404, true]]);
  });

  it("reports a receiver that is not listening, with the network error, and retries it", async () => {
    const { url } = await receiver();
    await closers.pop()!(); // the port is now closed
    const { dispatcher, reports } = setup([1]);
    dispatcher.deliver(EVENT, [{ url }]);
    await dispatcher.idle();
    expect(reports.map((r) => [r.attempt, r.final])).toEqual([[1, false], [2, true]]);
    expect(reports[1]!.error).toMatch(/ECONNREFUSED|connect/);
  });

  it("sends nothing for a payload that breaks its webhook schema or a URL that is not http(s)", async () => {
    const { url, bodies } = await receiver();
    const { dispatcher, reports } = setup();
    dispatcher.deliver({ eventName: "chatResolved", eventData: { chat: { _id: 5 } } }, [{ url }]);
    dispatcher.deliver(EVENT, [{ url: "{{yourWebhookURL}}" }]);
    dispatcher.deliver({ eventName: "noSuchEvent", eventData: {} }, [{ url }]);
    await dispatcher.idle();
    expect(bodies).toEqual([]);
    expect(reports.map((r) => [r.attempt, r.final])).toEqual([[0, true], [0, true], [0, true]]);
    expect(reports[0]!.error).toMatch(/breaks its webhook schema: \/eventData\/chat\/_id must be string/);
    expect(reports[1]!.error).toMatch(/not an http\(s\) URL/);
    expect(reports[2]!.error).toMatch(/not a webhook event/);
  });

  it("close() drops pending retries", async () => {
    const { url, bodies } = await receiver([500]);
    const { dispatcher, reports } = setup([60_000]);
    dispatcher.deliver(EVENT, [{ url }]);
    await expect.poll(() => reports.length).toBe(1);
    const started = Date.now();
    await dispatcher.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(bodies).toHaveLength(1);
  });
});

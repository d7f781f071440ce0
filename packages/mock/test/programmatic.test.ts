import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listWebhookEvents, sendWebhook, startMock } from "../src/index.mjs";
import { loadSpec } from "../src/spec.mjs";
import { AUTH, BUNDLED_SPEC, startReceiver } from "./support.js";

describe("startMock", () => {
  it("starts on a free port with port 0, serves the base path, and closes", async () => {
    const mock = await startMock({ port: 0 });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.baseUrl).toBe(`${mock.url}/server/api/v2`);
    const response = await fetch(`${mock.baseUrl}/labels`, { headers: AUTH });
    expect(response.status).toBe(200);
    await mock.close();
    await expect(fetch(`${mock.url}/__health`)).rejects.toThrow();
  });

  it("closes with keep-alive connections open", async () => {
    const mock = await startMock({ port: 0 });
    await (await fetch(`${mock.url}/__health`, { keepalive: true })).text();
    const started = performance.now();
    await mock.close();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("is warm when it resolves: every validator comes from the build, none is compiled", async () => {
    const mock = await startMock({ port: 0 });
    try {
      const spec = loadSpec();
      expect(spec.operations.length).toBeGreaterThan(0);
      for (const operation of spec.operations) expect(operation.parametersValidator, operation.operationId).toBeTypeOf("function");
      expect(spec.validators.size).toBeGreaterThan(100);
      expect(spec.ajv).toBeUndefined(); // Ajv was never needed: the build's validators matched the spec's hash
    } finally {
      await mock.close();
    }
  });

  it("generates seeded responses in dynamic mode", async () => {
    const mock = await startMock({ port: 0, dynamic: true, seed: 7 });
    try {
      const get = async () => (await fetch(`${mock.baseUrl}/labels`, { headers: AUTH })).json();
      const [first, second] = [await get(), await get()];
      expect(first).toEqual(second);
      expect(first).toHaveProperty("labels");
    } finally {
      await mock.close();
    }
  });

  it("serves another bundled spec given with `spec`", async () => {
    const doc = JSON.parse(readFileSync(BUNDLED_SPEC, "utf8"));
    doc.servers = [{ url: "https://example.test/api/v9" }];
    const dir = mkdtempSync(join(tmpdir(), "texter-mock-"));
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(doc));
    const mock = await startMock({ port: 0, spec: join(dir, "openapi.json") });
    try {
      expect(mock.baseUrl).toBe(`${mock.url}/api/v9`);
      expect((await fetch(`${mock.baseUrl}/labels`, { headers: AUTH })).status).toBe(200);
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("webhooks", () => {
  it("lists the spec's webhook events", () => {
    const events = listWebhookEvents();
    expect(events).toContain("newIncomingMessage");
    expect(events).toContain("chatResolved");
  });

  it("sends a named example and returns the receiver's status and the payload", async () => {
    const receiver = await startReceiver(200);
    try {
      const { status, payload } = await sendWebhook("newIncomingMessage", { to: receiver.url });
      expect(status).toBe(200);
      expect(payload.eventName).toBe("newIncomingMessage");
      expect(JSON.parse(receiver.received[0]!.body)).toEqual(payload);
    } finally {
      await receiver.close();
    }
  });

  it("rejects an unknown event with the list of known ones", async () => {
    await expect(sendWebhook("nope", { to: "http://127.0.0.1:9/" })).rejects.toThrow(/Known events: .*chatResolved/);
  });

  it("rejects an unknown example with the list of the event's examples", async () => {
    await expect(sendWebhook("chatResolved", { to: "http://127.0.0.1:9/", example: "nope" })).rejects.toThrow(/examples/);
  });
});

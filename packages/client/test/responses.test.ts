import { describe, expect, it } from "vitest";
import { createTexterClient } from "../src/index.js";
import { fakeFetch, jsonResponse, TOKEN } from "./helpers.js";

const baseUrl = "http://mock.test/server/api/v2";

describe("quirky responses", () => {
  it("types and returns the plain-text OK of Assign Chat as the string OK", async () => {
    const { fetch } = fakeFetch(() => new Response("OK", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } }));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const { data, error } = await client.POST("/chats/assign", { body: { phone: "15550100123", agentEmail: "dana@example.org" } });
    expect(error).toBeUndefined();
    expect(data).toBe("OK");
  });

  it("leaves non-OK plain-text answers to openapi-fetch's error path", async () => {
    const { fetch } = fakeFetch(() => new Response("Bad Gateway", { status: 502, headers: { "content-type": "text/plain" } }));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch, retry: false });
    const { data, error, response } = await client.DELETE("/labels/{labelId}", { params: { path: { labelId: "vip" } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(502);
    expect(error).toBe("Bad Gateway");
  });

  it("surfaces Send Template Message's HTTP 200 success: false as a typed, not-sent result", async () => {
    const answers = [
      { success: true, text: "Hello Dana", sentAsSessionMessage: false, messageId: "6650a1b2c3d4e5f601234567" },
      { success: false, error: "Recipient unsubscribed from template messages on 2026-01-05" },
    ];
    const { fetch } = fakeFetch((_request, i) => jsonResponse(answers[i]));
    const client = createTexterClient({ token: TOKEN, baseUrl, fetch });
    const body = { templateName: "inbox_marketing_95", to: "15550100123" };

    const sent = await client.POST("/whatsapp/templates/send", { body });
    if (!sent.data?.success) throw new Error("expected a sent template");
    expect(sent.data.messageId).toBe("6650a1b2c3d4e5f601234567"); // messageId exists only once success is narrowed to true

    const skipped = await client.POST("/whatsapp/templates/send", { body });
    expect(skipped.response.status).toBe(200);
    if (skipped.data?.success !== false) throw new Error("expected success: false");
    expect(skipped.data.error).toContain("unsubscribed");
  });
});

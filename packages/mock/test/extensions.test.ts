// Rules the contract states through an extension instead of JSON Schema composition are enforced
// by the mock like any other schema rule (spec/EXTENSIONS.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.mjs";
import { AUTH } from "./support.js";

describe("x-texter-distinct-by", () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock?.close());

  const upsert = (components: object[]) =>
    fetch(`${mock.baseUrl}/whatsapp/templates/15550100000/inbox_marketing_95/localizations`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify({ language: "en", components }),
    });

  it("accepts a localization with at most one component of each type", async () => {
    const response = await upsert([{ type: "HEADER", format: "IMAGE" }, { type: "BODY", text: "Hello {{1}}" }, { type: "FOOTER", text: "Bye" }]);
    expect(response.status, await response.text()).toBe(200);
  });

  it("rejects two BODY components and says where and why", async () => {
    const response = await upsert([{ type: "BODY", text: "Hello" }, { type: "BODY", text: "Again" }]);
    const text = await response.text();
    expect(response.status, text).toBe(400);
    expect(text).toContain("/components");
    expect(text).toContain("has two items with type");
  });
});

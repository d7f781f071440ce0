import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, loadBundle, operations, readJson, type JsonObject } from "./support.js";

interface Endpoint {
  method: string;
  path: string;
  title: string;
  operationId: string;
  tag: string;
  scopes: string[];
  /**
   * reference: method and path are on Texter's reference; settled: not on it, but Texter's own
   * code and docs agree on them (field notes); secondary: from one of Texter's other sources;
   * chosen: by this kit.
   */
  pathSource: "reference" | "settled" | "secondary" | "chosen";
}

const endpoints = readJson<Endpoint[]>(join(fixturesDir, "endpoints.json"));
const doc = loadBundle();
const pathOps = operations(doc).filter((o) => o.kind === "path");

describe("every endpoint of Texter's reference is an operation", () => {
  it("the fixture lists the 42 endpoints (31 with a documented path, 11 known only by name)", () => {
    expect(endpoints).toHaveLength(42);
    expect(endpoints.filter((e) => e.pathSource !== "chosen")).toHaveLength(31);
  });

  it("the spec has exactly these operations, no more", () => {
    const inSpec = pathOps.map((o) => `${o.method.toUpperCase()} ${o.key}`).sort();
    const expected = endpoints.map((e) => `${e.method} ${e.path}`).sort();
    expect(inSpec).toEqual(expected);
  });

  describe.each(endpoints)("$method $path ($title)", (endpoint) => {
    const found = pathOps.find((o) => o.key === endpoint.path && o.method === endpoint.method.toLowerCase());
    const op = (found?.op ?? {}) as JsonObject;

    it("has Texter's title as summary, the operationId, the folder tag and a description", () => {
      expect(found, "operation missing").toBeDefined();
      expect(op.summary).toBe(endpoint.title);
      expect(op.operationId).toBe(endpoint.operationId);
      expect(op.tags).toEqual([endpoint.tag]);
      expect(typeof op.description === "string" && op.description.trim().length > 20).toBe(true);
    });

    it("lists exactly the token scopes the reference gives", () => {
      expect(op.security).toEqual([{ bearerAuth: endpoint.scopes }]);
    });
  });

  it.each(endpoints.filter((e) => e.pathSource === "secondary" || e.pathSource === "chosen"))(
    "$method $path is marked x-texter-unverified: its method or path is not on the reference ($pathSource)",
    (endpoint) => {
      const found = pathOps.find((o) => o.key === endpoint.path && o.method === endpoint.method.toLowerCase());
      expect(typeof found?.op["x-texter-unverified"]).toBe("string");
      expect(String(found?.op.description)).toContain("**Unverified:**");
    },
  );

  it.each(endpoints.filter((e) => e.pathSource === "settled"))(
    "$method $path is not marked unverified: Texter's own code settles its method and path",
    (endpoint) => {
      const found = pathOps.find((o) => o.key === endpoint.path && o.method === endpoint.method.toLowerCase());
      expect(found?.op["x-texter-unverified"]).toBeUndefined();
    },
  );
});

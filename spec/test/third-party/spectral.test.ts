// Spectral's OpenAPI ruleset, every rule of it (`spectral:oas` with `all`), through the committed
// spec/.spectral.yaml: zero results of any severity on the bundle.
import * as fs from "node:fs";
import { join } from "node:path";
import { Document, Spectral, type ISpectralDiagnostic } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { beforeAll, describe, expect, it } from "vitest";
import { specDir } from "../support.js";

const SEVERITY = ["error", "warning", "info", "hint"];

let spectral: Spectral;

beforeAll(async () => {
  const noFetch = (url: unknown) => Promise.reject(new Error(`spec/.spectral.yaml must not load anything remote (${String(url)})`));
  spectral = new Spectral();
  spectral.setRuleset(await bundleAndLoadRuleset(join(specDir, ".spectral.yaml"), { fs, fetch: noFetch as typeof fetch }));
});

/** Lints JSON text as if it were the file at `source` (overrides in the ruleset match on it). */
async function lint(text: string, source: string): Promise<ISpectralDiagnostic[]> {
  return spectral.run(new Document(text, Parsers.Json, source));
}

const describeResult = (r: ISpectralDiagnostic) => `${SEVERITY[r.severity]} ${r.code} at #/${r.path.join("/")}: ${r.message}`;

describe("Spectral (spectral:oas, all rules, spec/.spectral.yaml)", () => {
  it("reports nothing on spec/dist/openapi.json", async () => {
    const file = join(specDir, "dist", "openapi.json");
    const results = await lint(fs.readFileSync(file, "utf8"), file);
    expect(results.map(describeResult)).toEqual([]);
  });

  it("runs every rule, not only the recommended ones, and fails a small bad document", async () => {
    const bad = {
      openapi: "3.1.0",
      info: { title: "Bad", version: "1.0.0", description: "A document with known defects.", contact: { name: "Someone" }, license: { name: "MIT", identifier: "MIT" } },
      servers: [{ url: "https://api.example.org" }],
      tags: [
        { name: "Things", description: "Things." },
        { name: "Apples", description: "Not in alphabetical order." },
      ],
      paths: {
        "/things": {
          get: {
            summary: "List things",
            description: "Lists things.",
            tags: ["Things"],
            // no operationId, and a parameter without a description
            parameters: [{ name: "limit", in: "query", schema: { type: "string" } }],
            responses: {
              "200": {
                description: "The things.",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Things" }, example: ["not a number"] } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Things: { type: "array", description: "Things.", items: { type: "integer" } },
          Count: { type: "integer", description: "A count.", example: "many" },
          Loose: { type: "array", description: "An array without items." },
        },
      },
    };
    const results = await lint(JSON.stringify(bad, null, 2), join(specDir, "test", "bad.json"));
    const codes = new Set(results.map((r) => r.code));
    // Recommended rules…
    expect(codes).toContain("operation-operationId");
    expect(codes).toContain("oas3-valid-media-example");
    expect(codes).toContain("oas3-valid-schema-example");
    expect(codes).toContain("array-items");
    // …and one that only `all` turns on.
    expect(codes).toContain("oas3-parameter-description");
    // The rules the ruleset turns off stay off: this license has an SPDX identifier and no url,
    // the contact has no email, the tags are not in alphabetical order.
    expect(codes).not.toContain("license-url");
    expect(codes).not.toContain("contact-properties");
    expect(codes).not.toContain("openapi-tags-alphabetical");
  });
});

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deref, fixturesDir, loadBundle, readJson, type JsonObject } from "./support.js";

interface SeedField {
  path: string;
  deprecated: boolean;
  source: string;
  note?: string;
}

const seedFields = readJson<Record<string, SeedField[]>>(join(fixturesDir, "seed-fields.json"));
const doc = loadBundle();

/** Splits `a.b[].c` and `defaults.{lang}.body` into property names, `[]` (array items) and `{lang}` (map values). */
function tokens(path: string): string[] {
  return path.split(".").flatMap((part) => {
    const out: string[] = [];
    const name = part.replace(/\[\]/g, "");
    if (name) out.push(name);
    for (const _ of part.matchAll(/\[\]/g)) out.push("[]");
    return out;
  });
}

/** The schema itself plus every branch reachable through oneOf / anyOf / allOf, refs followed. */
function alternatives(schema: JsonObject, at: string): { node: JsonObject; at: string }[] {
  const resolved = deref(doc, schema, at);
  const result = [resolved];
  for (const keyword of ["oneOf", "anyOf", "allOf"]) {
    const branches = resolved.node[keyword];
    if (Array.isArray(branches)) {
      branches.forEach((branch, i) => result.push(...alternatives(branch as JsonObject, `${resolved.at}/${keyword}/${i}`)));
    }
  }
  return result;
}

/**
 * All property schemas (before following their own $ref) a dotted seed path reaches. A boolean
 * `false` property schema means "never present" and does not count.
 */
function lookup(entity: string, path: string): JsonObject[] {
  let frontier: { node: JsonObject; at: string }[] = [{ node: { $ref: `#/components/schemas/${entity}` }, at: "" }];
  let reached: JsonObject[] = [];
  for (const token of tokens(path)) {
    const next: { node: JsonObject; at: string }[] = [];
    reached = [];
    for (const item of frontier) {
      for (const alt of alternatives(item.node, item.at)) {
        let child: JsonObject | undefined;
        let childAt = alt.at;
        if (token === "[]") {
          child = alt.node.items as JsonObject | undefined;
          childAt += "/items";
        } else if (token.startsWith("{")) {
          child = typeof alt.node.additionalProperties === "object" ? (alt.node.additionalProperties as JsonObject) : undefined;
          childAt += "/additionalProperties";
        } else {
          child = (alt.node.properties as JsonObject | undefined)?.[token] as JsonObject | undefined;
          childAt += `/properties/${token}`;
        }
        if (child && typeof child === "object") {
          reached.push(child);
          next.push({ node: child, at: childAt });
        }
      }
    }
    frontier = next;
  }
  return reached;
}

function isDeprecated(schema: JsonObject): boolean {
  return schema.deprecated === true || alternatives(schema, "").some((alt) => alt.node.deprecated === true);
}

describe("every field the seeds name is in the entity schemas", () => {
  it("the fixture holds 176 fields, 20 of them deprecated", () => {
    const all = Object.values(seedFields).flat();
    expect(all).toHaveLength(176);
    expect(all.filter((f) => f.deprecated)).toHaveLength(20);
  });

  for (const [entity, fields] of Object.entries(seedFields)) {
    describe(entity, () => {
      it.each(fields)("$path", (field) => {
        const found = lookup(entity, field.path);
        expect(found.length, `${entity}.${field.path} is not in the schema`).toBeGreaterThan(0);
        expect(found.some(isDeprecated), `${entity}.${field.path} deprecated flag`).toBe(field.deprecated);
        for (const schema of found) {
          const resolved = deref(doc, schema, "").node;
          const described = typeof schema.description === "string" || typeof resolved.description === "string";
          expect(described, `${entity}.${field.path} has no description`).toBe(true);
        }
      });
    });
  }
});

import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  deref,
  documentedExtensions,
  fixturesDir,
  loadBundle,
  operations,
  readJson,
  specDir,
  type Json,
  type JsonObject,
} from "./support.js";

const doc = loadBundle();
const ops = operations(doc);

/** Maps whose keys are names chosen by the author, not keywords (a property may be called `value`). */
const NAME_MAPS = new Set(["properties", "patternProperties", "responses", "schemas", "paths", "webhooks", "parameters", "$defs"]);
/** Keys that hold data (examples, defaults, constants) rather than description. */
const DATA_KEYS = new Set(["value", "examples", "example", "default", "const", "enum"]);

/** Every object node in the document with its JSON pointer. */
function* nodes(value: Json, at = "", parentKey = ""): Generator<{ node: JsonObject; at: string }> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* nodes(item, `${at}/${i}`, parentKey);
  } else if (value && typeof value === "object") {
    yield { node: value, at };
    for (const [key, child] of Object.entries(value)) {
      if (!NAME_MAPS.has(parentKey) && DATA_KEYS.has(key)) continue;
      yield* nodes(child, `${at}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`, key);
    }
  }
}

describe("specification extensions", () => {
  const documented = documentedExtensions();

  it("EXTENSIONS.md documents the extensions", () => {
    expect(documented).toContain("x-texter-unverified");
  });

  it("only documented x- extensions are used", () => {
    const used = new Set<string>();
    for (const { node } of nodes(doc)) for (const key of Object.keys(node)) if (key.startsWith("x-")) used.add(key);
    expect([...used].filter((key) => !documented.includes(key))).toEqual([]);
  });

  it("every unverified element gives its reason and says so in its description", () => {
    const offenders: string[] = [];
    let count = 0;
    for (const { node, at } of nodes(doc)) {
      if (!("x-texter-unverified" in node)) continue;
      count += 1;
      const reason = node["x-texter-unverified"];
      if (typeof reason !== "string" || reason.trim().length < 10) offenders.push(`${at}: reason missing`);
      if (typeof node.description !== "string" || !node.description.includes("**Unverified:**")) {
        offenders.push(`${at}: description lacks "**Unverified:**"`);
      }
    }
    expect(offenders).toEqual([]);
    expect(count).toBeGreaterThan(11);
  });

  it("numeric enums name every value", () => {
    const offenders: string[] = [];
    for (const { node, at } of nodes(doc)) {
      const values = node.enum;
      if (!Array.isArray(values) || !values.every((v) => typeof v === "number")) continue;
      const names = node["x-enum-varnames"];
      if (!Array.isArray(names) || names.length !== values.length) offenders.push(at);
    }
    expect(offenders).toEqual([]);
  });

  it("x-texter-parameter-rules name parameters the operation declares", () => {
    const offenders: string[] = [];
    for (const { op, at, key } of ops) {
      const rules = op["x-texter-parameter-rules"] as JsonObject[] | undefined;
      if (!rules) continue;
      const pathItem = deref(doc, (doc.paths as JsonObject)[key]!, "").node;
      const declared = [...((pathItem.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])].map(
        (p) => deref(doc, p, "").node.name,
      );
      for (const rule of rules) {
        const names = [...((rule.together ?? []) as string[]), ...((rule.anyOf ?? []) as string[][]).flat()];
        if (names.length === 0) offenders.push(`${at}: empty or unknown rule ${JSON.stringify(rule)}`);
        for (const name of names) if (!declared.includes(name)) offenders.push(`${at}: ${name} is not a parameter`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("layout", () => {
  it("every component file in spec/components is used by the bundle", () => {
    const components = doc.components as Record<string, JsonObject>;
    const unused: string[] = [];
    for (const section of ["schemas", "parameters", "responses"]) {
      for (const file of readdirSync(join(specDir, "components", section))) {
        const name = basename(file, ".yaml");
        if (!components[section]?.[name]) unused.push(`components/${section}/${file}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it("every tag and every operation has a description", () => {
    for (const tag of doc.tags as JsonObject[]) expect(String(tag.description ?? "").length, String(tag.name)).toBeGreaterThan(10);
    for (const { op, at } of ops) expect(String(op.description ?? "").length, at).toBeGreaterThan(10);
  });
});

describe("responses stay open", () => {
  /** Walks a schema and everything it references; reports any closed object. */
  function closedObjects(start: Json, startAt: string, seen: Set<string>): string[] {
    const found: string[] = [];
    const visit = (schema: Json, at: string) => {
      if (!schema || typeof schema !== "object" || Array.isArray(schema)) return;
      const resolved = deref(doc, schema, at);
      if (seen.has(resolved.at)) return;
      seen.add(resolved.at);
      const node = resolved.node;
      if (node.additionalProperties === false || node.unevaluatedProperties === false) found.push(resolved.at);
      for (const [key, child] of Object.entries((node.properties ?? {}) as JsonObject)) visit(child, `${resolved.at}/properties/${key}`);
      for (const keyword of ["items", "additionalProperties", "not", "contains"]) visit(node[keyword] as Json, `${resolved.at}/${keyword}`);
      for (const keyword of ["oneOf", "anyOf", "allOf", "prefixItems"]) {
        ((node[keyword] ?? []) as Json[]).forEach((child, i) => visit(child, `${resolved.at}/${keyword}/${i}`));
      }
    };
    visit(start, startAt);
    return found;
  }

  it("no schema a response returns or a webhook delivers has additionalProperties: false", () => {
    const seen = new Set<string>();
    const closed: string[] = [];
    for (const { op, at, kind } of ops) {
      const bodies: [Json, string][] = [];
      for (const [status, response] of Object.entries((op.responses ?? {}) as JsonObject)) {
        const r = deref(doc, response, `${at}/responses/${status}`);
        for (const [type, media] of Object.entries((r.node.content ?? {}) as JsonObject)) {
          bodies.push([(media as JsonObject).schema as Json, `${r.at}/content/${type.replace("/", "~1")}/schema`]);
        }
      }
      if (kind === "webhook") {
        const body = deref(doc, op.requestBody!, `${at}/requestBody`);
        for (const [type, media] of Object.entries((body.node.content ?? {}) as JsonObject)) {
          bodies.push([(media as JsonObject).schema as Json, `${body.at}/content/${type.replace("/", "~1")}/schema`]);
        }
      }
      for (const [schema, schemaAt] of bodies) closed.push(...closedObjects(schema, schemaAt, seen));
    }
    expect(closed).toEqual([]);
  });
});

describe("error responses", () => {
  const pathOps = ops.filter((o) => o.kind === "path");
  const errorRef = "#/components/schemas/Error";

  it.each(pathOps.map((o) => [`${o.method.toUpperCase()} ${o.key}`, o] as const))(
    "%s declares 400, 401, 403 when scoped, 404 when a path parameter names a resource, 429 and default, all in the Error shape",
    (_label, { op, key }) => {
      const responses = op.responses as JsonObject;
      const scoped = ((op.security ?? doc.security) as JsonObject[]).some((requirement) =>
        Object.values(requirement).some((scopes) => (scopes as string[]).length > 0),
      );
      const expected = ["400", "401", ...(scoped ? ["403"] : []), ...(key.includes("{") ? ["404"] : []), "429", "default"];
      expect(Object.keys(responses).filter((status) => !/^2/.test(status))).toEqual(expected);
      for (const status of expected) {
        const content = (deref(doc, responses[status]!, "").node.content ?? {}) as JsonObject;
        expect(Object.keys(content), status).toEqual(["application/json"]);
        expect(((content["application/json"] as JsonObject).schema as JsonObject).$ref, status).toBe(errorRef);
      }
      const throttled = deref(doc, responses["429"]!, "").node;
      expect(Object.keys((throttled.headers ?? {}) as JsonObject)).toContain("Retry-After");
    },
  );
});

describe("webhooks", () => {
  const templates = readJson<{ importBody: JsonObject }[]>(join(fixturesDir, "webhook-subscription-templates.json"));
  const eventNames = templates.map((t) => {
    const action = ((t.importBody.data as JsonObject).actions as JsonObject[])[0]!;
    return ((action.params as JsonObject).data as JsonObject).eventName as string;
  });

  it("all 19 events of Texter's subscription templates are webhooks", () => {
    expect(Object.keys(doc.webhooks as JsonObject).sort()).toEqual([...eventNames].sort());
  });

  it.each(eventNames)("%s: envelope with eventName const and typed eventData", (name) => {
    const op = ops.find((o) => o.kind === "webhook" && o.key === name)!;
    expect(op.method).toBe("post");
    const body = deref(doc, op.op.requestBody!, "").node;
    const schema = deref(doc, ((body.content as JsonObject)["application/json"] as JsonObject).schema!, "").node;
    expect(schema.required).toEqual(expect.arrayContaining(["eventName", "eventData"]));
    const properties = schema.properties as JsonObject;
    expect((properties.eventName as JsonObject).const).toBe(name);
    const eventData = deref(doc, properties.eventData!, "").node;
    expect(Object.keys((eventData.properties ?? {}) as JsonObject).length).toBeGreaterThan(0);
  });
});

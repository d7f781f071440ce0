import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createAjv,
  deref,
  documentedExtensions,
  fixturesDir,
  formatErrors,
  loadBundle,
  mediaExamples,
  operations,
  pointer,
  readJson,
  resolvePointer,
  type Json,
  type JsonObject,
} from "./support.js";

const doc = loadBundle();
const ajv = createAjv(doc, documentedExtensions());
const ops = operations(doc);

function check(schemaAt: string, value: unknown) {
  const validate = ajv.validatorAt(schemaAt);
  const ok = validate(value);
  return { ok, errors: formatErrors(validate.errors) };
}

/** JSON pointer of the JSON request-body schema of an operation, following a $ref'd requestBody. */
function requestSchemaAt(method: string, path: string): string {
  const op = ops.find((o) => o.kind === "path" && o.method === method && o.key === path);
  if (!op) throw new Error(`No operation ${method.toUpperCase()} ${path} for this fixture`);
  if (!op.op.requestBody) throw new Error(`${method.toUpperCase()} ${path} declares no request body`);
  return `${op.at}/requestBody/content/application~1json/schema`;
}

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** The schema and every oneOf/anyOf/allOf branch below it, refs followed; boolean schemas dropped. */
function branches(schema: Json): JsonObject[] {
  if (!isObject(schema)) return [];
  const resolved = deref(doc, schema, "").node;
  return [resolved, ...["oneOf", "anyOf", "allOf"].flatMap((k) => ((resolved[k] ?? []) as Json[]).flatMap(branches))];
}

/**
 * Places where an example uses a property no schema there declares. Schemas stay open for
 * Texter's undocumented fields, so Ajv accepts such keys; in our own examples they are typos.
 */
function undeclared(value: Json, schemas: Json[], at: string): string[] {
  const alts = schemas.flatMap(branches);
  if (Array.isArray(value)) {
    const items = alts.map((a) => a.items as Json).filter(isObject);
    return items.length === 0 ? [] : value.flatMap((item, i) => undeclared(item, items, `${at}/${i}`));
  }
  if (!isObject(value)) return [];
  const declared = new Map<string, Json[]>();
  const valuesOfOtherKeys: Json[] = [];
  let freeForm = alts.length === 0;
  for (const alt of alts) {
    for (const [key, schema] of Object.entries((alt.properties ?? {}) as JsonObject)) declared.set(key, [...(declared.get(key) ?? []), schema]);
    if (isObject(alt.additionalProperties)) valuesOfOtherKeys.push(alt.additionalProperties);
    // A composition describes its keys in its branches (already in `alts`), not beside them.
    const composed = ["oneOf", "anyOf", "allOf"].some((k) => k in alt);
    const describesKeys = alt.properties || alt.additionalProperties === false || isObject(alt.additionalProperties) || composed;
    if (alt.additionalProperties === true || (alt.type === "object" && !describesKeys)) freeForm = true;
  }
  return Object.entries(value).flatMap(([key, child]) => {
    const schemasForKey = declared.get(key) ?? valuesOfOtherKeys;
    if (schemasForKey.length > 0) return undeclared(child, schemasForKey, `${at}/${key}`);
    return freeForm || alts.every((a) => !a.properties) ? [] : [`${at}/${key}`];
  });
}

describe("every example in the spec validates against its schema (Ajv, JSON Schema 2020-12)", () => {
  const examples = mediaExamples(doc);

  it("finds the spec's examples", () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  it.each(examples.map((e) => [`${e.where} / ${e.name}`, e] as const))("%s", (_label, example) => {
    const result = check(example.schemaAt, example.value);
    expect(result.ok, result.errors).toBe(true);
    const schema = resolvePointer(doc, `#${example.schemaAt}`);
    expect(undeclared(example.value, [schema], ""), "properties the schema does not declare").toEqual([]);
  });

  const componentSchemas = Object.entries((doc.components as JsonObject).schemas as JsonObject).flatMap(([name, schema]) =>
    (((schema as JsonObject).examples as Json[] | undefined) ?? []).map((value, i) => [`${name} example ${i}`, name, value] as const),
  );
  it.each(componentSchemas)("component schema %s", (_label, name, value) => {
    const result = check(pointer(["components", "schemas", name]), value);
    expect(result.ok, result.errors).toBe(true);
  });
});

describe("Texter's own example bodies validate", () => {
  const dir = join(fixturesDir, "reference-examples");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

  it("all reference example files are covered", () => {
    expect(files.length).toBe(25);
  });

  it.each(files)("%s", (file) => {
    const value = readJson<Json>(join(dir, file));
    let schemaAt: string;
    const request = /^(GET|POST|PUT|PATCH|DELETE)__(.+)\.request\.json$/.exec(file);
    const object = /^object__(\w+)\.example\.json$/.exec(file);
    const webhookImport = /^webhook__(\w+)\.import\.request\.json$/.exec(file);
    if (request) {
      schemaAt = requestSchemaAt(request[1]!.toLowerCase(), "/" + request[2]!.split("__").join("/"));
    } else if (object) {
      schemaAt = pointer(["components", "schemas", object[1]!]);
    } else if (webhookImport) {
      schemaAt = requestSchemaAt("post", "/scenarios/manage/import");
    } else {
      throw new Error(`Unrecognised fixture name ${file}`);
    }
    const result = check(schemaAt, value);
    expect(result.ok, result.errors).toBe(true);
  });
});

describe("Texter's 19 webhook subscription templates", () => {
  const templates = readJson<{ id: string; name: string; importBody: JsonObject }[]>(
    join(fixturesDir, "webhook-subscription-templates.json"),
  );
  const importOp = ops.find((o) => o.op.operationId === "importSubscription")!;
  const namedExamples = ((((importOp.op.requestBody as JsonObject).content as JsonObject)["application/json"] as JsonObject)
    .examples ?? {}) as JsonObject;

  it("there are 19", () => expect(templates).toHaveLength(19));

  it.each(templates.map((t) => [t.id, t] as const))("%s: import body validates against Import Subscription's body", (_id, template) => {
    const result = check(requestSchemaAt("post", "/scenarios/manage/import"), template.importBody);
    expect(result.ok, result.errors).toBe(true);
  });

  it.each(templates.map((t) => [t.id, t] as const))("%s: is a named example of Import Subscription", (_id, template) => {
    const data = template.importBody.data as JsonObject;
    const action = (data.actions as JsonObject[])[0]!;
    const eventName = (((action.params as JsonObject).data as JsonObject).eventName) as string;
    const example = namedExamples[eventName] as JsonObject | undefined;
    expect(example, `no example named ${eventName}`).toBeDefined();
    expect(example!.value).toEqual(template.importBody);
  });
});

describe("every operation has a success example and an error example; every webhook an example payload", () => {
  const examples = mediaExamples(doc);
  const paths = ops.filter((o) => o.kind === "path");

  it.each(paths.map((o) => [`${o.method.toUpperCase()} ${o.key}`, o] as const))("%s", (label) => {
    const mine = examples.filter((e) => e.where.startsWith(`${label} `));
    const status = (e: { where: string }) => e.where.slice(label.length + 1).split(" ")[0]!;
    expect(mine.some((e) => /^2\d\d$/.test(status(e))), "no success example").toBe(true);
    expect(mine.some((e) => /^(4\d\d|5\d\d|default)$/.test(status(e))), "no error example").toBe(true);
  });

  it.each(ops.filter((o) => o.kind === "webhook").map((o) => [o.key, o] as const))("webhook %s", (name) => {
    const payloads = examples.filter((e) => e.where.startsWith(`POST ${name} request`));
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) expect((payload.value as JsonObject).eventName).toBe(name);
  });
});

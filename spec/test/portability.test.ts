// The bundle must read the same in the code generators other teams use (Java, Go, C#, zod,
// @hey-api/openapi-ts, …), not only in ours. Six things trip them; each check below walks every
// schema of spec/dist/openapi.json and is shown failing on a small document that has the defect.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { createAjv, documentedExtensions, loadBundle, pointer, pointerToken, resolvePointer, type Json, type JsonObject } from "./support.js";

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** Keywords whose value is one subschema, and keywords whose value is a list or a map of them. */
const ONE = ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "not", "contains", "propertyNames", "if", "then", "else", "contentSchema"];
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAP = ["properties", "patternProperties", "$defs", "dependentSchemas"];
/** `additionalProperties: false` closes an object in every OpenAPI version and every generator reads it. */
const BOOLEAN_ALLOWED = new Set(["additionalProperties", "unevaluatedProperties"]);
const ARRAY_KEYWORDS = ["items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems"];

interface SchemaNode {
  schema: Json; // an object or a boolean schema
  at: string;
  keyword: string; // the keyword that holds it ("" for a root schema)
}

/** Every schema and subschema of an OpenAPI document: components, parameters, headers, bodies. */
function allSchemas(doc: JsonObject): SchemaNode[] {
  const found: SchemaNode[] = [];
  const visit = (schema: Json, at: string, keyword: string) => {
    found.push({ schema, at, keyword });
    if (!isObject(schema)) return;
    for (const key of ONE) if (key in schema) visit(schema[key]!, `${at}/${key}`, key);
    for (const key of LIST) ((schema[key] ?? []) as Json[]).forEach((child, i) => visit(child, `${at}/${key}/${i}`, key));
    for (const key of MAP) {
      for (const [name, child] of Object.entries((schema[key] ?? {}) as JsonObject)) visit(child, `${at}/${key}/${pointerToken(name)}`, key);
    }
  };
  // Outside schemas: a `schema` key (parameters, headers, media types) starts one; data is skipped.
  const walk = (node: Json, at: string) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${at}/${i}`));
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const childAt = `${at}/${pointerToken(key)}`;
      if (key === "schema") visit(child, childAt, "");
      else if (key !== "example" && key !== "examples" && key !== "schemas") walk(child, childAt);
    }
  };
  for (const [name, schema] of Object.entries(((doc.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject)) {
    visit(schema, pointer(["components", "schemas", name]), "");
  }
  walk(doc, "");
  return found;
}

const types = (schema: JsonObject): string[] => [schema.type ?? []].flat() as string[];
const isArraySchema = (schema: JsonObject) => types(schema).includes("array") || "items" in schema || "prefixItems" in schema;

/** Boolean subschemas (`false`, `true`): openapi-zod-client and IBM's validator crash on them. */
function booleanSchemas(doc: JsonObject): string[] {
  return allSchemas(doc)
    .filter(({ schema, keyword }) => typeof schema === "boolean" && !BOOLEAN_ALLOWED.has(keyword))
    .map(({ at }) => at);
}

/** Arrays without `items`: generators type them `unknown[]` and Spectral reports an error. */
function arraysWithoutItems(doc: JsonObject): string[] {
  return allSchemas(doc)
    .filter(({ schema }) => isObject(schema) && types(schema).includes("array") && !("items" in schema))
    .map(({ at }) => at);
}

/** Epoch-millisecond times that are not 64-bit integers: Java, Go and C# generators overflow on them. */
function epochMsWithoutInt64(doc: JsonObject): string[] {
  return allSchemas(doc)
    .filter(({ schema }) => isObject(schema) && /epoch\s+(milliseconds|ms)\b/i.test(String(schema.description ?? "")))
    .filter(({ schema }) => {
      const t = types(schema as JsonObject);
      return (t.includes("integer") || t.includes("number")) && !(t.includes("integer") && !t.includes("number") && (schema as JsonObject).format === "int64");
    })
    .map(({ at }) => at);
}

/**
 * Composition that hides an array's item type: `oneOf`/`anyOf`/`allOf`/`not`/`contains` beside
 * `items` (generators keep only the composition and lose the items), or a composition branch
 * that constrains an array without being a full array schema with `items`.
 */
function hiddenItemTypes(doc: JsonObject): string[] {
  const offenders: string[] = [];
  for (const { schema, at, keyword } of allSchemas(doc)) {
    if (!isObject(schema)) continue;
    if (isArraySchema(schema)) {
      for (const key of ["oneOf", "anyOf", "allOf", "not", "contains"]) if (key in schema) offenders.push(`${at}/${key}`);
    }
    const constrainsArray = ARRAY_KEYWORDS.some((key) => key in schema);
    if (LIST.includes(keyword) && keyword !== "prefixItems" && constrainsArray && !(types(schema).includes("array") && "items" in schema)) {
      offenders.push(at);
    }
  }
  return offenders;
}

/** The JSON Schema types that admit a value (`integer` or `number` for a number). */
const typesOf = (value: Json): string[] =>
  value === null ? ["null"] : Array.isArray(value) ? ["array"] : typeof value === "number" ? ["integer", "number"] : [typeof value];

/**
 * `const` without a sibling `enum` of that one value and a `type` that admits it: generators
 * written for OpenAPI 3.0 (openapi-zod-client among them) ignore `const`, type the tag `unknown`
 * and lose every union discriminated by it.
 */
function constsWithoutEnum(doc: JsonObject): string[] {
  return allSchemas(doc)
    .filter(({ schema }) => isObject(schema) && "const" in schema)
    .filter(({ schema }) => {
      const { const: value, enum: values } = schema as JsonObject;
      const oneValue = Array.isArray(values) && values.length === 1 && isDeepStrictEqual(values[0], value);
      return !oneValue || !typesOf(value!).some((t) => types(schema as JsonObject).includes(t));
    })
    .map(({ at }) => at);
}

/**
 * `properties` beside `oneOf`/`anyOf`/`allOf`: openapi-zod-client keeps only the composition and
 * drops the properties (a body of required-only branches becomes `unknown`). Shared fields go into
 * an `allOf` member of their own.
 */
function propertiesBesideComposition(doc: JsonObject): string[] {
  return allSchemas(doc)
    .filter(({ schema }) => isObject(schema) && "properties" in schema)
    .flatMap(({ schema, at }) => ["oneOf", "anyOf", "allOf"].filter((key) => key in (schema as JsonObject)).map((key) => `${at}/${key}`));
}

/** Property names a schema declares or requires, its oneOf/anyOf/allOf branches included (refs followed). */
function namesIn(doc: JsonObject, schema: Json): string[] {
  if (!isObject(schema)) return [];
  const node = typeof schema.$ref === "string" ? (resolvePointer(doc, schema.$ref) as JsonObject) : schema;
  const own = [...Object.keys((node.properties ?? {}) as JsonObject), ...((node.required ?? []) as string[])];
  return [...own, ...["oneOf", "anyOf", "allOf"].flatMap((key) => ((node[key] ?? []) as Json[]).flatMap((branch) => namesIn(doc, branch)))];
}

/**
 * An `allOf` member with `additionalProperties: false` that does not declare a property its
 * siblings name: every object that carries that property is rejected (the layout the rule above
 * asks for must keep all the fields in the closed member).
 */
function closedMembersMissingNames(doc: JsonObject): string[] {
  return allSchemas(doc)
    .filter(({ schema }) => isObject(schema) && Array.isArray(schema.allOf))
    .flatMap(({ schema, at }) => {
      const members = (schema as JsonObject).allOf as Json[];
      return members.flatMap((member, i) => {
        if (!isObject(member) || member.additionalProperties !== false) return [];
        const declared = new Set(Object.keys((member.properties ?? {}) as JsonObject));
        const named = members.flatMap((sibling) => namesIn(doc, sibling));
        return [...new Set(named.filter((name) => !declared.has(name)))].map((name) => `${at}/allOf/${i} lacks ${name}`);
      });
    });
}

describe("the bundle is portable to other code generators", () => {
  const doc = loadBundle();

  it("walks every schema of the bundle", () => {
    expect(allSchemas(doc).length).toBeGreaterThan(1000);
  });

  it("has no boolean schema", () => expect(booleanSchemas(doc)).toEqual([]));
  it("has no array without items", () => expect(arraysWithoutItems(doc)).toEqual([]));
  it("has no epoch-millisecond time without type integer and format int64", () => expect(epochMsWithoutInt64(doc)).toEqual([]));
  it("has no composition keyword that hides an array's item type", () => expect(hiddenItemTypes(doc)).toEqual([]));
  it("has no const without a one-value enum and a type beside it", () => expect(constsWithoutEnum(doc)).toEqual([]));
  it("has no properties beside oneOf, anyOf or allOf", () => expect(propertiesBesideComposition(doc)).toEqual([]));
  it("has no closed allOf member that lacks a property its siblings name", () => expect(closedMembersMissingNames(doc)).toEqual([]));
});

describe("each check fails on a document with the defect", () => {
  const bad = {
    openapi: "3.1.0",
    paths: {
      "/things": {
        get: {
          parameters: [{ name: "ids", in: "query", schema: { type: "array" } }],
          responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          additionalProperties: false,
          properties: {
            gone: false,
            created: { type: "integer", description: "When it was created, in epoch milliseconds." },
            seen: { type: "number", description: "Last seen, epoch ms." },
            buttons: { type: "array", items: { type: "object" }, oneOf: [{ maxItems: 3 }, { maxItems: 2 }] },
            parts: { type: "array", items: { type: "object" }, allOf: [{ contains: { type: "object" }, maxContains: 1 }] },
            pick: { oneOf: [{ maxItems: 2 }, { type: "array", items: { type: "string" } }] },
            kind: { const: "thing" },
            flag: { type: "boolean", const: true, enum: [false] },
            label: { type: "integer", const: "thing", enum: ["thing"] },
            source: { type: "object", properties: { url: { type: "string" }, fileId: { type: "string" } }, oneOf: [{ required: ["url"] }, { required: ["fileId"] }] },
          },
        },
      },
    },
  } as unknown as JsonObject;

  it("booleanSchemas finds a `false` property (but not additionalProperties: false)", () => {
    expect(booleanSchemas(bad)).toEqual(["/components/schemas/Thing/properties/gone"]);
  });

  it("arraysWithoutItems finds an array parameter without items", () => {
    expect(arraysWithoutItems(bad)).toEqual(["/paths/~1things/get/parameters/0/schema"]);
  });

  it("epochMsWithoutInt64 finds an integer without int64 and an epoch-ms number", () => {
    expect(epochMsWithoutInt64(bad)).toEqual(["/components/schemas/Thing/properties/created", "/components/schemas/Thing/properties/seen"]);
  });

  it("hiddenItemTypes finds oneOf and allOf beside items, and a branch that is not a full array schema", () => {
    expect(hiddenItemTypes(bad)).toEqual([
      "/components/schemas/Thing/properties/buttons/oneOf",
      "/components/schemas/Thing/properties/buttons/oneOf/0",
      "/components/schemas/Thing/properties/buttons/oneOf/1",
      "/components/schemas/Thing/properties/parts/allOf",
      "/components/schemas/Thing/properties/parts/allOf/0",
      "/components/schemas/Thing/properties/pick/oneOf/0",
    ]);
  });

  it("constsWithoutEnum finds a const without enum, one with a different enum value, and one whose type rejects it", () => {
    expect(constsWithoutEnum(bad)).toEqual([
      "/components/schemas/Thing/properties/kind",
      "/components/schemas/Thing/properties/flag",
      "/components/schemas/Thing/properties/label",
    ]);
  });

  it("propertiesBesideComposition finds properties beside a oneOf", () => {
    expect(propertiesBesideComposition(bad)).toEqual(["/components/schemas/Thing/properties/source/oneOf"]);
  });

  it("closedMembersMissingNames finds a closed member that lacks a name a sibling requires", () => {
    const closed = {
      components: {
        schemas: {
          Item: { allOf: [{ type: "object", additionalProperties: false, properties: { url: { type: "string" } } }, { oneOf: [{ required: ["url"] }, { required: ["fileId"] }] }] },
        },
      },
    } as unknown as JsonObject;
    expect(closedMembersMissingNames(closed)).toEqual(["/components/schemas/Item/allOf/0 lacks fileId"]);
  });

  it("a fixed document passes all six", () => {
    const fixed = structuredClone(bad) as any;
    fixed.paths["/things"].get.parameters[0].schema.items = { type: "string" };
    const thing = fixed.components.schemas.Thing;
    delete thing.properties.gone;
    thing.properties.created.format = "int64";
    thing.properties.seen = { type: "integer", format: "int64", description: "Last seen, epoch ms." };
    thing.properties.buttons = { oneOf: [{ type: "array", maxItems: 3, items: { type: "object" } }, { type: "array", maxItems: 2, items: { type: "string" } }] };
    thing.properties.parts = { type: "array", items: { type: "object" }, "x-texter-distinct-by": "type" };
    thing.properties.pick.oneOf[0] = { type: "array", maxItems: 2, items: { type: "integer" } };
    thing.properties.kind = { type: "string", const: "thing", enum: ["thing"] };
    thing.properties.flag.enum = [true];
    thing.properties.label.type = "string";
    const { properties, oneOf } = thing.properties.source;
    thing.properties.source = { type: "object", allOf: [{ type: "object", properties }, { oneOf }] };
    for (const check of [booleanSchemas, arraysWithoutItems, epochMsWithoutInt64, hiddenItemTypes, constsWithoutEnum, propertiesBesideComposition]) expect(check(fixed), check.name).toEqual([]);
  });
});

describe("rules that the portable layout moved are still checked", () => {
  const doc = loadBundle();
  const ajv = createAjv(doc, documentedExtensions());
  const validate = ajv.validatorAt("/components/schemas/TemplateLocalizationRequest");
  const body = (...types: string[]) => ({
    language: "en",
    components: types.map((type) => (type === "BODY" ? { type, text: "Hello" } : type === "FOOTER" ? { type, text: "Bye" } : { type, format: "IMAGE" })),
  });

  it("x-texter-distinct-by: a localization with one component of each type is valid", () => {
    expect(validate(body("HEADER", "BODY", "FOOTER")), JSON.stringify(validate.errors)).toBe(true);
  });

  it("x-texter-distinct-by: two BODY components are rejected", () => {
    expect(validate(body("BODY", "BODY"))).toBe(false);
  });

  it("template buttons: quick replies and call-to-action buttons cannot be mixed", () => {
    const buttons = ajv.validatorAt("/components/schemas/TemplateButtonsComponent");
    const quick = { type: "QUICK_REPLY", text: "Yes" };
    const call = { type: "PHONE_NUMBER", text: "Call us", phone_number: "+15550100000" };
    expect(buttons({ type: "BUTTONS", buttons: [quick, quick] }), JSON.stringify(buttons.errors)).toBe(true);
    expect(buttons({ type: "BUTTONS", buttons: [call] }), JSON.stringify(buttons.errors)).toBe(true);
    expect(buttons({ type: "BUTTONS", buttons: [quick, call] })).toBe(false);
    expect(buttons({ type: "BUTTONS", buttons: [call, call, call] })).toBe(false);
  });

  it.each([
    ["AssignChatRequest", { chatId: "64de3b15398a8e09c47a9f62", agentEmail: "dana@example.org" }, true],
    ["AssignChatRequest", { phone: "15550100123", departmentId: "support" }, true],
    ["AssignChatRequest", { phone: "15550100123", chatId: "64de3b15398a8e09c47a9f62", agentUid: "u1" }, false],
    ["AssignChatRequest", { chatId: "64de3b15398a8e09c47a9f62", agentEmail: "dana@example.org", agent: "dana" }, false],
    ["ManageChatLabelsRequest", { set: [] }, true],
    ["ManageChatLabelsRequest", { add: ["VIP"], remove: ["holiday"] }, false],
    ["OutgoingMediaItem", { mediaType: "image", fileId: "6a01c2d3e4f5a6b7c8d9e0f1", caption: "New" }, true],
    ["OutgoingMediaItem", { mediaType: "image", fileId: "6a01c2d3e4f5a6b7c8d9e0f1", url: "https://example.org/a.png" }, false],
    ["OutgoingMediaItem", { mediaType: "image" }, false],
    ["UpdateLabelRequest", { color: "#a769ff" }, true],
    ["UpdateLabelRequest", {}, false],
    ["UpdateLabelRequest", { name: "VIP", colour: "#a769ff" }, false],
  ])("%s: %j is %s", (name, body, valid) => {
    const check = ajv.validatorAt(`/components/schemas/${name}`);
    expect(check(body), JSON.stringify(check.errors)).toBe(valid);
  });
});

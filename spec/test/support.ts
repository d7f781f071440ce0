import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Ajv2020, type KeywordDefinition } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

export const specDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const fixturesDir = join(specDir, "test", "fixtures");

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function readJson<T = JsonObject>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** The bundled document every downstream package reads. */
export function loadBundle(): JsonObject {
  return readJson(join(specDir, "dist", "openapi.json"));
}

const execFileAsync = promisify(execFile);

/** Runs the pinned Redocly CLI inside spec/, with telemetry and notices off. */
export async function redocly(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const bin = join(specDir, "..", "node_modules", ".bin", "redocly");
  try {
    const { stdout, stderr } = await execFileAsync(bin, args, {
      cwd: specDir,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true", CI: "true" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { stdout: failure.stdout, stderr: failure.stderr, code: failure.code };
  }
}

/** Escapes one JSON Pointer token. */
export function pointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function pointer(tokens: string[]): string {
  return tokens.map((token) => "/" + pointerToken(token)).join("");
}

export function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith("#")) throw new Error(`Only local references are expected in the bundle, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split("/")) {
    if (raw === "" && ref === "#") break;
    const token = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(token in node)) {
      throw new Error(`Unresolvable reference ${ref} (stopped at "${token}")`);
    }
    node = (node as JsonObject)[token] as Json;
  }
  return node;
}

/** Follows `$ref`s (if any) and returns the target with the pointer where it lives. */
export function deref(doc: JsonObject, node: Json, at: string): { node: JsonObject; at: string } {
  let current = node as JsonObject;
  let location = at;
  const seen = new Set<string>();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`Reference cycle at ${ref}`);
    seen.add(ref);
    location = ref.slice(1);
    current = resolvePointer(doc, ref) as JsonObject;
  }
  return { node: current, at: location };
}

export interface Operation {
  kind: "path" | "webhook";
  key: string; // the path or the webhook name
  method: string;
  at: string; // JSON pointer of the operation
  op: JsonObject;
}

export function operations(doc: JsonObject): Operation[] {
  const result: Operation[] = [];
  for (const [kind, section] of [
    ["path", "paths"],
    ["webhook", "webhooks"],
  ] as const) {
    const items = (doc[section] ?? {}) as JsonObject;
    for (const [key, rawItem] of Object.entries(items)) {
      const item = deref(doc, rawItem, pointer([section, key]));
      for (const method of HTTP_METHODS) {
        const op = item.node[method];
        if (op) result.push({ kind, key, method, at: `${item.at}/${method}`, op: op as JsonObject });
      }
    }
  }
  return result;
}

export interface MediaExample {
  where: string; // human-readable location
  schemaAt: string; // JSON pointer of the schema to validate against
  name: string;
  value: Json;
}

/** Every named example of every request and response body of every operation and webhook. */
export function mediaExamples(doc: JsonObject): MediaExample[] {
  const found: MediaExample[] = [];
  const collect = (where: string, contentAt: string, content: JsonObject) => {
    for (const [mediaType, rawMedia] of Object.entries(content)) {
      const media = rawMedia as JsonObject;
      const mediaAt = `${contentAt}/${pointerToken(mediaType)}`;
      const examples = (media.examples ?? {}) as JsonObject;
      for (const [name, rawExample] of Object.entries(examples)) {
        const example = deref(doc, rawExample, `${mediaAt}/examples/${pointerToken(name)}`).node;
        found.push({ where: `${where} ${mediaType}`, schemaAt: `${mediaAt}/schema`, name, value: example.value as Json });
      }
    }
  };
  for (const { key, method, at, op } of operations(doc)) {
    const label = `${method.toUpperCase()} ${key}`;
    if (op.requestBody) {
      const body = deref(doc, op.requestBody, `${at}/requestBody`);
      if (body.node.content) collect(`${label} request`, `${body.at}/content`, body.node.content as JsonObject);
    }
    for (const [status, rawResponse] of Object.entries((op.responses ?? {}) as JsonObject)) {
      const response = deref(doc, rawResponse, `${at}/responses/${status}`);
      if (response.node.content) collect(`${label} ${status}`, `${response.at}/content`, response.node.content as JsonObject);
    }
  }
  return found;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const DISTINCT_BY = "x-texter-distinct-by";

/** `x-texter-distinct-by: <property>` (EXTENSIONS.md): no two items of the array share that property's value. */
export const distinctByKeyword: KeywordDefinition = {
  keyword: DISTINCT_BY,
  type: "array",
  schemaType: "string",
  errors: false,
  validate: (property: string, items: unknown[]) => {
    const seen = new Set<string>();
    for (const item of items) {
      if (!item || typeof item !== "object" || !(property in item)) continue;
      const key = JSON.stringify((item as Record<string, unknown>)[property]);
      if (seen.has(key)) return false;
      seen.add(key);
    }
    return true;
  },
};
export const DOC_ID = "https://texter.invalid/openapi.json";

/**
 * An Ajv (JSON Schema 2020-12) instance that knows the whole bundle, so any schema in it can be
 * compiled by JSON pointer and its `#/components/...` references resolve. Strict mode stays on;
 * only OpenAPI's own keywords and the extensions documented in EXTENSIONS.md are allowed.
 */
export function createAjv(doc: JsonObject, extensions: string[]): { validatorAt(at: string): ReturnType<Ajv2020["compile"]> } {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  // OpenAPI's own schema keywords, the documented extensions, and the document's top-level keys
  // (Ajv meets those when it resolves a pointer from the document root).
  const openapiKeys = ["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags"];
  const checked = new Set([DISTINCT_BY]);
  ajv.addVocabulary(["discriminator", "xml", "externalDocs", "example", ...extensions.filter((e) => !checked.has(e)), ...openapiKeys]);
  ajv.addKeyword(distinctByKeyword);
  ajv.addSchema({ ...doc, $id: DOC_ID } as object, DOC_ID);
  return {
    validatorAt(at: string) {
      const validate = ajv.getSchema(`${DOC_ID}#${at}`);
      if (!validate) throw new Error(`No schema at ${at}`);
      return validate;
    },
  };
}

/** The extension names documented in spec/EXTENSIONS.md (first column of its table). */
export function documentedExtensions(): string[] {
  const text = readFileSync(join(specDir, "EXTENSIONS.md"), "utf8");
  return [...text.matchAll(/^\| `(x-[a-zA-Z-]+)` \|/gm)].map((match) => match[1]!);
}

export function formatErrors(errors: unknown): string {
  return JSON.stringify(errors, null, 2);
}

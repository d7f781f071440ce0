// The bundled OpenAPI document and what the mock derives from it: the base path, the routes,
// each operation's parameters and body, the webhooks, and an Ajv that validates against it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The bundle the build copies into the package. */
export const BUNDLED_SPEC = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));
const DOC_ID = "https://texter-mock.invalid/openapi.json";
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const escapeToken = (token) => String(token).replaceAll("~", "~0").replaceAll("/", "~1");
export const unescapeToken = (token) => token.replaceAll("~1", "/").replaceAll("~0", "~");
export const pointer = (...tokens) => tokens.map((token) => "/" + escapeToken(token)).join("");

const cache = new Map();

/** Loads (once per file) a bundled OpenAPI 3.1 JSON document. */
export function loadSpec(file = BUNDLED_SPEC) {
  const path = resolve(file);
  if (!cache.has(path)) cache.set(path, new Spec(path));
  return cache.get(path);
}

class Spec {
  constructor(file) {
    this.file = file;
    try {
      this.text = readFileSync(file, "utf8");
    } catch (error) {
      const hint = file === BUNDLED_SPEC ? " (run `npm run build -w @texterchat/api-mock` first)" : "";
      throw new Error(`Cannot read the spec ${file}${hint}: ${error.message}`);
    }
    this.doc = JSON.parse(this.text);
    if (!String(this.doc.openapi).startsWith("3.1")) throw new Error(`${file} is not an OpenAPI 3.1 document`);
    const server = (this.doc.servers?.[0]?.url ?? "/").replace(/\{[^}]+\}/g, "x");
    this.basePath = new URL(server, "http://x").pathname.replace(/\/$/, "");
    this.routes = Object.entries(this.doc.paths ?? {}).map(([path, item]) => this.#route(path, item));
    this.routes.sort((a, b) => compareSpecificity(a.segments, b.segments));
    this.webhooks = Object.fromEntries(Object.entries(this.doc.webhooks ?? {}).map(([name, item]) => [name, this.#webhook(name, item)]));
  }

  /** Follows `$ref`s; returns the target and its JSON pointer. */
  deref(node, at) {
    while (node && typeof node.$ref === "string") {
      at = node.$ref.slice(1);
      node = at.split("/").slice(1).map(unescapeToken).reduce((parent, token) => parent?.[token], this.doc);
      if (node === undefined) throw new Error(`Unresolvable $ref ${at} in ${this.file}`);
    }
    return { node, at };
  }

  /** An Ajv validator for the schema at a JSON pointer, or for a schema object with `$ref`s into the spec. */
  validator(schemaOrPointer) {
    this.ajv ??= createAjv(this.doc);
    if (typeof schemaOrPointer !== "string") return this.ajv.compile(schemaOrPointer);
    return this.ajv.getSchema(`${DOC_ID}#${schemaOrPointer}`);
  }

  /** `{ $ref }` to the schema at a JSON pointer, for schemas composed by the mock. */
  ref(at) {
    return { $ref: `${DOC_ID}#${at}` };
  }

  /**
   * Matches a path below the base path as OpenAPI does: the most specific path that matches wins
   * (literal segments before templated ones), whatever the method. Returns its operation for the
   * method, or, when that path lacks the method, the methods it has (an empty list: no path matches).
   */
  match(method, path) {
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      const operation = route.operations[method];
      if (!operation) return { path: route.path, allowed: Object.keys(route.operations).map((name) => name.toUpperCase()) };
      const pathParams = Object.fromEntries(route.names.map((name, i) => [name, decodeSegment(found[i + 1])]));
      return { operation, pathParams };
    }
    return { allowed: [] };
  }

  /** Every operation of the spec. */
  get operations() {
    return this.routes.flatMap((route) => Object.values(route.operations));
  }

  #route(path, rawItem) {
    const { node: item, at } = this.deref(rawItem, pointer("paths", path));
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const source = path
      .split(/\{[^}]+\}/)
      .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("([^/]+)");
    const operations = {};
    for (const method of HTTP_METHODS) {
      if (item[method]) operations[method] = this.#operation(method, path, item, `${at}/${method}`);
    }
    return { path, names, pattern: new RegExp(`^${source}$`), segments: path.split("/"), operations };
  }

  #operation(method, path, item, at) {
    const parameters = new Map();
    for (const [list, listAt] of [
      [item.parameters, at.replace(/\/[^/]+$/, "/parameters")],
      [item[method].parameters, `${at}/parameters`],
    ]) {
      (list ?? []).forEach((raw, i) => {
        const { node, at: paramAt } = this.deref(raw, `${listAt}/${i}`);
        const schema = this.deref(node.schema ?? {}, `${paramAt}/schema`).node;
        parameters.set(`${node.in}:${node.name}`, { ...node, schemaAt: `${paramAt}/schema`, isArray: schema.type === "array" });
      });
    }
    const op = item[method];
    const body = op.requestBody && this.deref(op.requestBody, `${at}/requestBody`);
    return {
      method,
      path,
      at,
      operationId: op.operationId,
      parameters: [...parameters.values()],
      rules: op["x-texter-parameter-rules"] ?? [],
      responses: Object.fromEntries(
        Object.entries(op.responses ?? {}).map(([code, raw]) => {
          const content = Object.values(this.deref(raw, "").node.content ?? {});
          return [code, content.flatMap((media) => Object.keys(media.examples ?? {}))];
        }),
      ),
      // status code → media type → JSON pointer of its schema (null: the response has no schema)
      responseSchemas: Object.fromEntries(
        Object.entries(op.responses ?? {}).map(([code, raw]) => {
          const { node, at: responseAt } = this.deref(raw, `${at}/responses/${escapeToken(code)}`);
          const media = Object.entries(node.content ?? {}).map(([type, content]) => [
            type,
            content.schema ? `${responseAt}/content/${escapeToken(type)}/schema` : null,
          ]);
          return [code, Object.fromEntries(media)];
        }),
      ),
      body: body && {
        required: body.node.required === true,
        mediaTypes: Object.keys(body.node.content ?? {}),
        schemaAt: (mediaType) => `${body.at}/content/${escapeToken(mediaType)}/schema`,
      },
    };
  }

  #webhook(name, rawItem) {
    const { node: item, at } = this.deref(rawItem, pointer("webhooks", name));
    const method = HTTP_METHODS.find((m) => item[m]) ?? "post";
    const { node: body, at: bodyAt } = this.deref(item[method]?.requestBody ?? {}, `${at}/${method}/requestBody`);
    const media = body.content?.["application/json"] ?? {};
    const examples = Object.fromEntries(
      Object.entries(media.examples ?? {}).map(([key, raw]) => [key, this.deref(raw, "").node.value]),
    );
    return { name, schemaAt: `${bodyAt}/content/application~1json/schema`, examples };
  }
}

/** A decoded path segment, or undefined when its percent-encoding is malformed. */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Literal segments are more specific than templated ones (OpenAPI path matching), compared from
 * the left. Paths of different lengths never match the same request; they are ordered by length
 * only to keep the order total.
 */
function compareSpecificity(a, b) {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const [ta, tb] = [a[i].startsWith("{"), b[i].startsWith("{")];
    if (ta !== tb) return ta ? 1 : -1;
  }
  return 0;
}

function createAjv(doc) {
  // Not strict: the spec carries OpenAPI keywords and x- extensions that are not JSON Schema.
  // `discriminator` makes Ajv check only the oneOf branch the tag names, so errors are about it.
  // Ajv takes the tag from each branch's `const`, rejects `mapping`, and lets non-objects through
  // a discriminated oneOf: keep only the property name and say the value is an object.
  // Every validator is compiled before the mock is ready; skipping Ajv's code optimization pass
  // makes that a third cheaper, and validation no slower that a request could tell.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strict: false, logger: false, code: { optimize: false } });
  addFormats(ajv);
  const copy = JSON.parse(JSON.stringify(doc), (key, value) =>
    typeof value?.discriminator?.propertyName === "string"
      ? { type: "object", ...value, discriminator: { propertyName: value.discriminator.propertyName } }
      : value,
  );
  ajv.addSchema({ ...copy, $id: DOC_ID });
  return ajv;
}

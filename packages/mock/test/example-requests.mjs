// Requests built from the spec's own examples, walking the bundle independently of the mock's
// code: each operation's parameter examples and each of its request-body examples, with the
// status and body of the first example of its lowest 2xx response. Shared by the data-driven test
// and the bench scripts (bench/mock-*.mjs).

import { resolveRef } from "../../../tools/openapi.mjs";

const METHODS = ["get", "put", "post", "delete", "patch"];

/** Follows local `$ref`s in the bundle. */
export const deref = resolveRef;

/** Every operation of the bundle: `{ operationId, method, path, item, operation }`. */
export function operations(doc) {
  return Object.entries(doc.paths).flatMap(([path, rawItem]) => {
    const item = deref(doc, rawItem);
    return METHODS.filter((m) => item[m]).map((method) => ({ operationId: item[method].operationId, method, path, item, operation: item[method] }));
  });
}

function parameterExample(doc, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named) return deref(doc, named).value;
  return deref(doc, parameter.schema)?.examples?.[0];
}

function firstExample(doc, content) {
  const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
  const example = Object.values(media?.examples ?? {})[0];
  return mediaType && example ? { mediaType, value: deref(doc, example).value } : undefined;
}

/**
 * @returns {{ label: string, operationId: string, method: string, url: string,
 *   body?: { mediaType: string, value: unknown }, status: number,
 *   expected?: { mediaType: string, value: unknown } }[]}
 *   `url` is relative to the base URL and has every parameter that has an example.
 */
export function exampleRequests(doc) {
  return operations(doc).flatMap(({ operationId, method, path, item, operation }) => {
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(doc, p));
    let url = path;
    const query = new URLSearchParams();
    for (const parameter of parameters) {
      const value = parameterExample(doc, parameter);
      if (value === undefined) throw new Error(`${operationId}: parameter ${parameter.name} has no example`);
      if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
      if (parameter.in === "query") for (const v of [value].flat()) query.append(parameter.name, String(v));
    }
    if ([...query].length) url += `?${query}`;
    const code = Object.keys(operation.responses).filter((c) => c.startsWith("2")).sort()[0];
    const base = { operationId, method, url, status: Number(code), expected: firstExample(doc, deref(doc, operation.responses[code]).content) };
    const bodies = Object.entries(deref(doc, operation.requestBody)?.content ?? {}).flatMap(([mediaType, media]) =>
      Object.entries(media.examples ?? {}).map(([name, example]) => ({ name, mediaType, value: deref(doc, example).value })),
    );
    if (bodies.length === 0) return [{ ...base, label: `${operationId} (no body)` }];
    return bodies.map(({ name, mediaType, value }) => ({ ...base, label: `${operationId} with request example ${name}`, body: { mediaType, value } }));
  });
}

/**
 * `fetch` init for one of the requests above, with a bearer token.
 * @param {{ method: string, body?: { mediaType: string, value: unknown } }} request
 * @returns {RequestInit}
 */
export function fetchInit({ method, body }) {
  /** @type {Record<string, string>} */
  const headers = { Authorization: "Bearer example-token" };
  if (!body) return { method: method.toUpperCase(), headers };
  headers["Content-Type"] = body.mediaType;
  return { method: method.toUpperCase(), headers, body: typeof body.value === "string" ? body.value : JSON.stringify(body.value) };
}

// The generated Postman collection: a v2.1 collection the official SDK loads, with Texter's
// variables and auth, one folder per tag and one request per operation of the spec.
import { readFileSync } from "node:fs";
import { Collection, type Item, VariableScope } from "postman-collection";
import { beforeAll, describe, expect, it } from "vitest";
import { COLLECTION_FILE } from "../src/dist.mjs";
import { firstRequestExample, loadSpec, operations } from "../src/openapi.mjs";
import { API_TOKEN_PLACEHOLDER, requestItems } from "../src/postman.mjs";
import { builtFile } from "./built";

const V2_1_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const spec = loadSpec();
const specOperations = [...operations(spec)];
const routeOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

let json: any;
let collection: Collection;
let requests: Item[];

beforeAll(() => {
  json = JSON.parse(readFileSync(builtFile(COLLECTION_FILE), "utf8"));
  collection = new Collection(json);
  requests = [];
  collection.forEachItem((item) => requests.push(item));
});

/** `METHOD /path/{param}` of a request, in the spec's path template notation. */
const requestRoute = (item: Item) => routeOf(item.request.method, item.request.url.getPath(true).replace(/:([^/]+)/g, "{$1}"));

describe(`Postman collection (dist/${COLLECTION_FILE})`, () => {
  it("is a v2.1 collection that the postman-collection SDK loads and writes back whole", () => {
    expect(json.info.schema).toBe(V2_1_SCHEMA);
    expect(Collection.isCollection(collection)).toBe(true);
    expect(collection.name).toBe(spec.info.title);
    const written = collection.toJSON();
    expect(written.item.length).toBe(json.item.length);
    expect([...requestItems(written.item)].length).toBe([...requestItems(json.item)].length);
  });

  it("has Texter's projectID and apiToken variables, bearer auth with {{apiToken}} and the server as base URL", () => {
    const variables = collection.variables.toObject();
    expect(variables).toMatchObject({ projectID: "demo", apiToken: API_TOKEN_PLACEHOLDER });
    expect(collection.auth?.type).toBe("bearer");
    expect(collection.auth?.parameters().toObject()).toEqual({ token: "{{apiToken}}" });
    const firstRequest = requests[0]!;
    expect(new VariableScope(collection.variables.all()).replaceIn(firstRequest.request.url.toString())).toMatch(
      /^https:\/\/demo\.texterchat\.com\/server\/api\/v2\//,
    );
    for (const item of requests) {
      expect(item.request.url.getHost(), item.name).toBe("{{baseUrl}}");
      expect(item.request.auth, `${item.name} inherits the collection's auth`).toBeUndefined();
    }
  });

  it("has one folder per tag of the spec, in the spec's order", () => {
    expect(json.item.map((folder: { name: string; request?: unknown }) => folder.request ? `request ${folder.name}` : folder.name)).toEqual(
      spec.tags.map((tag: { name: string }) => tag.name),
    );
  });

  it("has one request per operation, named after its summary, in its tag's folder", () => {
    expect(requests.length).toBe(specOperations.length);
    const byRoute = new Map(requests.map((item) => [requestRoute(item), item]));
    expect([...byRoute.keys()].sort()).toEqual(specOperations.map(({ method, path }) => routeOf(method, path)).sort());
    for (const { method, path, operation } of specOperations) {
      const item = byRoute.get(routeOf(method, path))!;
      expect(item.name, routeOf(method, path)).toBe(operation.summary);
      expect((item.parent() as Item).name, `folder of ${operation.summary}`).toBe(operation.tags[0]);
      expect(item.request.url.getPath(), `${operation.summary}: path variables have example values`).not.toMatch(/\/:|<\w+>/);
    }
  });

  it("carries the first request example as body, and response examples with bodies", () => {
    const byRoute = new Map(requests.map((item) => [requestRoute(item), item]));
    for (const { method, path, operation } of specOperations) {
      const item = byRoute.get(routeOf(method, path))!;
      const example = firstRequestExample(spec, operation);
      if (example) {
        const raw = item.request.body?.raw ?? "";
        expect(typeof example.value === "string" ? raw : JSON.parse(raw), `body of ${operation.summary}`).toEqual(example.value);
      }
      expect(item.responses.count(), `responses of ${operation.summary}`).toBeGreaterThan(0);
      item.responses.each((response) => expect(response.body, `${operation.summary}: ${response.name}`).toBeTruthy());
    }
  });
});

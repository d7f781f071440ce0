// serveDocs: the built files over HTTP on a free port, nothing else.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTION_FILE, DOCS_PAGE } from "../src/dist.mjs";
import { serveDocs } from "../src/serve.mjs";
import { builtFile } from "./built";

let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  builtFile(DOCS_PAGE);
  builtFile(COLLECTION_FILE);
  server = await serveDocs({ port: 0 });
});

afterAll(() => server?.close());

/** A GET with the path sent exactly as written (fetch would normalize `/../`). */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("serveDocs", () => {
  it("listens on a free local port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(server.url).port).not.toBe("0");
  });

  it("serves the docs page at /", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain("<title>Texter API V2 reference</title>");
  });

  it("serves the Postman collection by name", async () => {
    const collection = await get(`/${COLLECTION_FILE}`);
    expect(collection.status).toBe(200);
    expect(collection.type).toMatch(/^application\/json/);
    expect(JSON.parse(collection.body).info.name).toBeTruthy();
  });

  it.each(["/nope.html", "/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/%E0%A4%A"])("answers 404 to %s", async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});

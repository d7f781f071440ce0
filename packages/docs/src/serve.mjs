// A tiny static server for packages/docs/dist: the docs page at `/`, the other built files by name.
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import { DOCS_PAGE, distDir } from "./dist.mjs";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/** The dist file a GET or HEAD request names, if dist has it: names only, no path leaves dist. */
function builtFile(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  try {
    const name = decodeURIComponent(new URL(request.url, "http://localhost").pathname.slice(1)) || DOCS_PAGE;
    const contentType = CONTENT_TYPES[extname(name)];
    if (!contentType || !readdirSync(distDir).includes(name)) return undefined;
    return { contentType, body: readFileSync(join(distDir, name)) };
  } catch {
    return undefined; // a malformed URL, or dist missing
  }
}

/** Serves packages/docs/dist; resolves once listening, with the base URL and a `close()`. */
export async function serveDocs({ host = "127.0.0.1", port = 0 } = {}) {
  const server = createServer((request, response) => {
    const file = builtFile(request);
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    response.writeHead(200, { "content-type": file.contentType, "content-length": file.body.length });
    response.end(request.method === "HEAD" ? undefined : file.body);
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
  const { port: boundPort } = server.address();
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}/`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

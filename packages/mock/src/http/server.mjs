// The node:http front of the mock (the CLI and startMock): the health check, reading the body,
// then the core pipeline (the API and the admin API under /__admin/), whose answer it writes.
import { createServer } from "node:http";
import { createCore, MAX_BODY_BYTES } from "../core/pipeline.mjs";

const HEALTH_PATH = "/__health";

/** @type {typeof import("../index.mjs").startMock} */
export async function startMock({ port = 4010, host = "127.0.0.1", spec, verbose = false, ...options } = {}) {
  const core = await createCore({ spec, options });

  const server = createServer((req, res) => {
    const started = performance.now();
    handle(core, req)
      .then((response) => send(res, response))
      .catch((error) => {
        if (req.destroyed) return; // the client went away (e.g. aborted while sending its body)
        console.error(`texter-mock: internal error on ${req.method} ${req.url}:`, error);
        if (!res.headersSent) send(res, core.internalError(error));
        else res.destroy();
      })
      .finally(() => {
        if (verbose) console.log(`${req.method} ${req.url} -> ${res.statusCode} (${(performance.now() - started).toFixed(1)} ms)`);
      });
  });
  server.keepAliveTimeout = 5000;

  await new Promise((resolve, reject) => {
    const fail = (error) => core.close().finally(() => reject(error));
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      resolve();
    });
  });
  const { address, port: boundPort } = server.address();
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${boundPort}`;
  return Object.defineProperties(
    {
      url,
      baseUrl: url + core.basePath,
      adminUrl: `${url}/__admin`,
      close: async () => {
        await core.close();
        await new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      },
    },
    Object.getOwnPropertyDescriptors(core.sandbox),
  );
}

async function handle(core, req) {
  const body = await readBody(req);
  if (body === null) return core.payloadTooLarge();
  if (req.url === HEALTH_PATH || req.url.startsWith(`${HEALTH_PATH}?`)) return health(req.method);
  return core.handle({ method: req.method, url: req.url, headers: req.headers, body });
}

function health(method) {
  const json = (status, value, headers = {}) => ({ status, headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(value) });
  if (method === "GET") return json(200, { status: "ok" });
  return json(405, { success: false, error: `The method ${method} is not defined for ${HEALTH_PATH}; it answers GET.` }, { Allow: "GET" });
}

/** The body as text, or null once it exceeds MAX_BODY_BYTES (the rest is read and dropped). */
function readBody(req) {
  // A request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3): answer it
  // in this tick instead of waiting for the stream's end event (Node drops the empty stream).
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return "";
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res, { status, headers, body }) {
  res.writeHead(status, { ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

// The MSW front (msw 2.x): request handlers that answer in-process, through the same core as the
// texter-mock server (validation, token scopes, journal, stubs, the stateful world, webhooks,
// the admin API), for jest and vitest suites that mock `fetch` instead of starting a server.
import { http, HttpResponse } from "msw";
import { createCore } from "./core/pipeline.mjs";

/** Where the handlers answer by default: the API of the `demo` environment. */
export const DEFAULT_BASE_URL = "https://demo.texterchat.com/server/api/v2";

/** @type {typeof import("./msw.d.mts").createTexterHandlers} */
export async function createTexterHandlers({ baseUrl = DEFAULT_BASE_URL, spec, ...options } = {}) {
  if (typeof baseUrl !== "string" || !URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new TypeError(`createTexterHandlers: baseUrl must be an absolute http(s) URL such as ${DEFAULT_BASE_URL} (got ${JSON.stringify(baseUrl)})`);
  }
  const base = new URL(baseUrl);
  const apiPrefix = base.pathname.replace(/\/+$/, "");
  const core = await createCore({ spec, options: { validateResponses: true, ...options } });

  /** The request as the core takes it: the API path below the given base URL moves under the core's base path. */
  const answer = (toCorePath) => async ({ request }) => {
    const url = new URL(request.url);
    const headers = Object.fromEntries([...request.headers].map(([name, value]) => [name.toLowerCase(), value]));
    const body = await request.text();
    const response = await core.handle({ method: request.method, url: toCorePath(url.pathname) + url.search, headers, body });
    return new HttpResponse(response.body === "" ? null : response.body, { status: response.status, headers: response.headers });
  };

  const handlers = [
    http.all(`${base.origin}/__admin/*`, answer((path) => path)),
    http.all(`${base.origin}${apiPrefix}/*`, answer((path) => core.basePath + path.slice(apiPrefix.length))),
  ];
  return Object.defineProperties({ handlers, baseUrl: base.href.replace(/\/+$/, ""), close: () => core.close() }, Object.getOwnPropertyDescriptors(core.sandbox));
}

// `npm start` (after the build): serves the mock API and the docs on loopback until Ctrl-C.
// Ports: MOCK_PORT (default 4010) and DOCS_PORT (default 4011).
import { startMock } from "@texterchat/api-mock";
import { serveDocs } from "@texterchat/api-docs/serve";

const host = "127.0.0.1";
const port = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} must be a port number (0–65535), got ${JSON.stringify(process.env[name])}`);
    process.exit(2);
  }
  return value;
};

const mock = await startMock({ host, port: port("MOCK_PORT", 4010) });
const docs = await serveDocs({ host, port: port("DOCS_PORT", 4011) });
console.log(`Texter API contract kit
  mock API   ${mock.baseUrl}   (any "Authorization: Bearer <token>"; health: ${mock.url}/__health)
  docs       ${docs.url}
  Postman    ${docs.url}texter-api.postman_collection.json
  bundle     spec/dist/openapi.yaml, spec/dist/openapi.json
Press Ctrl-C to stop.`);

const stop = async () => {
  setTimeout(() => process.exit(0), 1_000).unref(); // do not wait on a browser's open connection
  await Promise.all([mock.close(), docs.close()]);
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);

#!/usr/bin/env node
// texter-mock: the Texter API V2 mock server, and a webhook sender.
import { parseArgs } from "node:util";

const USAGE = `Usage:
  texter-mock [--port 4010] [--host 127.0.0.1] [--dynamic [--seed <n>]] [--validate-responses]
              [--stateful] [--tokens <file>] [--spec <file>] [--verbose]
  texter-mock send-webhook <eventName> --to <url> [--example <name>] [--spec <file>]

Serves the Texter API V2 at http://<host>:<port>/server/api/v2 (health check: GET /__health;
admin API: /__admin/, described by the package's admin-openapi.yaml).

Options:
  --port <n>        port to listen on; 0 picks a free one (default 4010)
  --host <host>     address to listen on (default 127.0.0.1)
  --dynamic         generate responses from the schemas instead of the examples
  --seed <n>        seed for generated responses (same seed, same responses)
  --validate-responses
                    check every answer against the contract; one that breaks it becomes a 500
                    naming the violations
  --stateful        an in-memory world seeded from the examples: writes change later reads,
                    actions fire webhooks to the imported subscriptions' URLs
  --tokens <file>   a JSON file mapping each token to its scopes ({"ci": ["Manage labels"]});
                    other tokens get 401, missing scopes 403 (default: any token, every scope)
  --spec <file>     a bundled OpenAPI 3.1 JSON document instead of the packaged one
  --verbose         log every request
  --to <url>        send-webhook: the receiver's URL
  --example <name>  send-webhook: which named example to send (default: the first)
  -h, --help        show this help`;

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  dynamic: { type: "boolean" },
  seed: { type: "string" },
  "validate-responses": { type: "boolean" },
  stateful: { type: "boolean" },
  tokens: { type: "string" },
  spec: { type: "string" },
  verbose: { type: "boolean" },
  to: { type: "string" },
  example: { type: "string" },
  help: { type: "boolean", short: "h" },
};

class UsageError extends Error {}

function parse(argv) {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command, ...rest] = positionals;
  const only = (allowed) => {
    const stray = Object.keys(values).filter((key) => !allowed.includes(key));
    if (stray.length) throw new UsageError(`--${stray[0]} does not apply to ${command ?? "the server"}`);
  };
  if (values.help) return { command: "help" };
  if (command === "send-webhook") {
    only(["to", "example", "spec"]);
    if (rest.length !== 1) throw new UsageError("send-webhook takes exactly one event name");
    if (!values.to) throw new UsageError("send-webhook needs --to <url>");
    return { command, eventName: rest[0], ...values };
  }
  if (command !== undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  only(["port", "host", "dynamic", "seed", "validate-responses", "stateful", "tokens", "spec", "verbose"]);
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "4010") || port > 65535) throw new UsageError(`--port must be a port number (0-65535), got ${values.port}`);
  return { command: "serve", ...values, port };
}

async function serve({ port, host, dynamic, seed, "validate-responses": validateResponses, stateful, tokens, spec, verbose }) {
  let mock;
  const stop = () => {
    setTimeout(() => process.exit(0), 800).unref();
    (mock?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  const { startMock } = await import("../src/http/server.mjs"); // loaded after the flags are checked
  mock = await startMock({ port, host, dynamic, seed, validateResponses, stateful, tokens, spec, verbose });
  console.log(`texter-mock ready at ${mock.baseUrl}`);
}

async function sendWebhookCommand({ eventName, to, example, spec }) {
  const { sendWebhook } = await import("../src/webhooks.mjs");
  const { status } = await sendWebhook(eventName, { to, example, spec });
  console.log(`${eventName} -> ${to}: HTTP ${status}`);
  if (status < 200 || status > 299) process.exitCode = 1;
}

let args;
try {
  args = parse(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError) && !error.code?.startsWith("ERR_PARSE_ARGS")) throw error;
  console.error(`texter-mock: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
try {
  if (args.command === "help") console.log(USAGE);
  else if (args.command === "send-webhook") await sendWebhookCommand(args);
  else await serve(args);
} catch (error) {
  console.error(`texter-mock: ${error.message}`);
  process.exit(1);
}

// Plain CommonJS with require(), run with require(esm) off: the client, its webhooks entry, the
// mock's startMock and the docs server, type-checked with checkJs.
const { createTexterClient } = require("@texterchat/api-client");
const { parseWebhookEvent } = require("@texterchat/api-client/webhooks");
const { startMock } = require("@texterchat/api-mock");
const { serveDocs } = require("@texterchat/api-docs/serve");

async function main() {
  const mock = await startMock({ port: 0 });
  try {
    const texter = createTexterClient({ baseUrl: mock.baseUrl, token: "consumer-token" });
    const { data, error } = await texter.GET("/labels");
    if (error) throw new Error(`unexpected error ${JSON.stringify(error)}`);
    const event = parseWebhookEvent('{"eventName":"chatSubscribed","eventData":{"chat":{}}}');
    const docs = await serveDocs({ port: 0 });
    const page = await fetch(docs.url);
    await docs.close();
    console.log(JSON.stringify({ total: data.total, labels: data.labels, event: event.eventName, docs: page.status }));
  } finally {
    await mock.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

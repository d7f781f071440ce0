// Plain CommonJS with require(), run with require(esm) off: the client, its webhooks entry and
// the mock's startMock, type-checked from JSDoc.
const { createTexterClient } = require("@texterchat/api-client");
const { parseWebhookEvent } = require("@texterchat/api-client/webhooks");
const { startMock } = require("@texterchat/api-mock");

async function main() {
  const mock = await startMock({ port: 0 });
  try {
    const texter = createTexterClient({ baseUrl: mock.baseUrl, token: "consumer-token" });
    const { data, error } = await texter.GET("/labels");
    if (error) throw new Error(`unexpected error ${JSON.stringify(error)}`);
    const event = parseWebhookEvent('{"eventName":"chatSubscribed","eventData":{"chat":{}}}');
    console.log(JSON.stringify({ total: data.total, labels: data.labels, event: event.eventName }));
  } finally {
    await mock.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

export { startMock } from "./http/server.mjs";
export { StubRejected } from "./core/stubs.mjs";
export { listWebhookEvents, sendWebhook } from "./webhooks.mjs";

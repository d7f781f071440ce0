// Webhook deliveries as Texter makes them: the event's example envelope, validated against the
// webhook's schema, POSTed as JSON to the receiver.
import { loadSpec } from "./spec.mjs";

/** @type {typeof import("./index.mjs").listWebhookEvents} */
export function listWebhookEvents({ spec } = {}) {
  return Object.keys(loadSpec(spec).webhooks);
}

/** @type {typeof import("./index.mjs").sendWebhook} */
export async function sendWebhook(eventName, { to, example, spec: specFile } = {}) {
  const spec = loadSpec(specFile);
  const webhook = spec.webhooks[eventName];
  if (!webhook) throw new Error(`Unknown webhook event ${JSON.stringify(eventName)}. Known events: ${Object.keys(spec.webhooks).join(", ")}`);
  if (!to) throw new Error("sendWebhook needs the receiver's URL (`to`)");
  const names = Object.keys(webhook.examples);
  const name = example ?? names[0];
  if (!(name in webhook.examples)) {
    throw new Error(`${eventName} has no example ${JSON.stringify(name)}. Its examples: ${names.join(", ") || "none"}`);
  }
  const payload = webhook.examples[name];
  const validate = spec.validator(webhook.schemaAt);
  if (!validate(payload)) {
    const errors = validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    throw new Error(`The ${eventName} example ${JSON.stringify(name)} does not match the webhook's schema: ${errors}`);
  }
  const response = await fetch(to, {
    method: "POST",
    headers: { "Content-Type": "application/json", "User-Agent": "texter-mock" },
    body: JSON.stringify(payload),
  });
  await response.body?.cancel();
  return { status: response.status, payload };
}

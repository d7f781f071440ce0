// Delivers the world's webhook events to the subscriptions' receivers: asynchronously (as Texter
// does: order between events is not guaranteed), each payload checked against its webhook schema
// first, with retries, and every attempt reported (to the journal).
//
// Retry policy (the mock's choice: **unverified**, Texter documents no retry policy): an attempt
// that ends in a network error, a timeout, a 429 or a 5xx is retried after 1 s, 5 s and 30 s
// (4 attempts in all); any other status (2xx, 3xx, 4xx) ends the delivery.

/**
 * @typedef {{ eventName: string, eventData: unknown }} WebhookEvent
 * @typedef {{ url: string, scenarioId?: string }} DeliveryTarget
 * @typedef {{ time: string, url: string, eventName: string, scenarioId?: string, attempt: number,
 *   status?: number, error?: string, final: boolean }} DeliveryReport
 *   `final`: no further attempt follows (delivered, given up, or not sendable)
 */

export const DEFAULT_RETRY_DELAYS = Object.freeze([1000, 5000, 30000]);

/**
 * @param {{ spec: any, report?: (delivery: DeliveryReport) => void, retryDelays?: readonly number[],
 *   timeoutMs?: number, fetch?: typeof globalThis.fetch }} options
 */
export function createDispatcher({ spec, report = () => {}, retryDelays = DEFAULT_RETRY_DELAYS, timeoutMs = 10000, fetch = globalThis.fetch }) {
  const inFlight = new Set();
  const sleeps = new Set(); // pending retry waits: { timer, wake }
  const controllers = new Set();
  let closed = false;

  const emit = (delivery) => {
    try {
      report({ time: new Date().toISOString(), ...delivery });
    } catch {
      // A failing reporter must not stop the deliveries.
    }
  };

  /** One attempt; resolves to the receiver's status or an error message. */
  async function attempt(url, payload) {
    const controller = new AbortController();
    controllers.add(controller);
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "User-Agent": "texter-mock" },
        body: payload,
        signal: controller.signal,
      });
      await response.body?.cancel();
      return { status: response.status };
    } catch (error) {
      const cause = controller.signal.aborted ? controller.signal.reason : (error?.cause ?? error);
      return { error: cause?.message ?? String(cause) };
    } finally {
      clearTimeout(timer);
      controllers.delete(controller);
    }
  }

  async function send(target, event, payload) {
    for (let n = 1; ; n++) {
      const outcome = await attempt(target.url, payload);
      const retry = !closed && n <= retryDelays.length && (outcome.error !== undefined || outcome.status === 429 || outcome.status >= 500);
      emit({ url: target.url, eventName: event.eventName, ...(target.scenarioId && { scenarioId: target.scenarioId }), attempt: n, ...outcome, final: !retry });
      if (!retry) return;
      await new Promise((wake) => {
        const sleep = { wake, timer: setTimeout(() => sleeps.delete(sleep) && wake(undefined), retryDelays[n - 1]) };
        sleeps.add(sleep);
      });
      if (closed) return;
    }
  }

  return {
    /**
     * Sends `event` to each target, in the background. An event that breaks its webhook schema
     * and a target URL that is not http(s) are reported (attempt 0) and not sent.
     * @param {WebhookEvent} event
     * @param {DeliveryTarget[]} targets
     */
    deliver(event, targets) {
      if (closed || targets.length === 0) return;
      const problem = payloadProblem(spec, event);
      for (const target of targets) {
        const base = { url: target.url, eventName: event.eventName, ...(target.scenarioId && { scenarioId: target.scenarioId }), attempt: 0, final: true };
        if (problem) {
          emit({ ...base, error: problem });
          continue;
        }
        const unusable = urlProblem(target.url);
        if (unusable) {
          emit({ ...base, error: unusable });
          continue;
        }
        const delivery = send(target, event, JSON.stringify(event)).finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
    },
    /** Resolves once every delivery started so far (retries included) has ended. */
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    /** Stops: pending retries are dropped and open requests aborted. */
    async close() {
      closed = true;
      for (const { timer, wake } of sleeps) {
        clearTimeout(timer);
        wake(undefined);
      }
      sleeps.clear();
      for (const controller of controllers) controller.abort(new Error("the mock is closing"));
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Why an event cannot be sent (it breaks its webhook's schema), or undefined. */
function payloadProblem(spec, event) {
  const webhook = spec.webhooks[event.eventName];
  if (!webhook) return `${JSON.stringify(event.eventName)} is not a webhook event of the contract`;
  const validate = spec.validator(webhook.schemaAt);
  if (validate(event)) return undefined;
  const errors = validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
  return `the ${event.eventName} payload breaks its webhook schema: ${errors}`;
}

/**
 * Why a URL is not sent to, or undefined. Hosts of the domains reserved for documentation
 * (RFC 2606: example.org/.com/.net, *.example, *.invalid, *.test) never receive anything: the
 * spec's own examples, and so the seeded subscriptions, point there.
 */
function urlProblem(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) {
    return `the subscription's webhook URL ${JSON.stringify(url)} is not an http(s) URL; set actions[].params.url in the import body`;
  }
  if (/(^|\.)example\.(org|com|net)$|\.(example|invalid|test)$/.test(parsed.hostname)) {
    return `not sent: ${parsed.hostname} is a domain reserved for documentation (RFC 2606), as in the spec's examples`;
  }
  return undefined;
}

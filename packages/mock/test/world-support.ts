// A world under test: every request it is given is first checked against the contract (so the
// world is only ever tested on valid input), every answer and every webhook event it produces is
// checked against the contract, and the operations driven are counted.
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { createClock } from "../src/core/clock.mjs";
import { answerViolations, describe as describeError, findOperation } from "../src/core/contract.mjs";
import { createWorld } from "../src/core/world.mjs";
import { loadSpec } from "../src/spec.mjs";
import { validateRequest } from "../src/validate.mjs";

export const SPEC_FILE = fileURLToPath(new URL("../../../spec/dist/openapi.json", import.meta.url));
/** After every time in the seed, so that what the tests create is the newest. */
export const START = Date.parse("2026-02-01T00:00:00.000Z");

export interface Call {
  pathParams?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

export interface WorldEvent {
  eventName: string;
  eventData: any;
}

/** The webhook schema violations of an event, as readable strings. */
export function eventViolations(spec: ReturnType<typeof loadSpec>, event: WorldEvent): string[] {
  const webhook = spec.webhooks[event.eventName];
  if (!webhook) return [`${event.eventName} is not a webhook of the spec`];
  const validate = spec.validator(webhook.schemaAt)!;
  return validate(event) ? [] : validate.errors!.map((e: any) => `${event.eventName} ${e.instancePath || "/"} ${describeError(e)}`);
}

export function worldHarness(options: { messageDelays?: { delivered?: number; seen?: number } } = {}) {
  const spec = loadSpec(SPEC_FILE);
  const clock = createClock({ start: START, frozen: true });
  const events: WorldEvent[] = [];
  const targets: { eventName: string; url: string; scenarioId: string }[] = [];
  const world = createWorld({
    spec,
    clock,
    ...options,
    onEvent: (event, found) => {
      expect(eventViolations(spec, event)).toEqual([]);
      events.push(event);
      for (const target of found) targets.push({ eventName: event.eventName, url: target.url, scenarioId: target.scenarioId });
    },
  });
  const driven = new Set<string>();

  /** Sends a valid request to the world and returns its answer, checked against the contract. */
  function call(operationId: string, { pathParams = {}, query = {}, body }: Call = {}) {
    const operation = findOperation(spec, { operationId });
    if (!operation) throw new Error(`No operation ${operationId}`);
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) for (const item of [value].flat()) search.append(name, item);
    const raw = body === undefined ? "" : JSON.stringify(body);
    const headers = raw ? { "content-type": "application/json" } : {};
    const rejected = validateRequest(spec, operation, { pathParams, query: search, headers, body: raw });
    expect(rejected, `the test's own ${operationId} request must be valid`).toBeNull();
    const answer = world.handle(operation, { pathParams, query: search, body });
    if (!answer) throw new Error(`The world does not model ${operationId}`);
    expect(answerViolations(spec, operation, answer), `${operationId} answered ${answer.status}`).toEqual([]);
    driven.add(operationId);
    return answer as { status: number; contentType: string; body: any };
  }

  return { spec, clock, world, events, targets, driven, call };
}

// The stateful world of the sandbox: labels, quick replies, templates, chats, messages, webhook
// subscriptions, the template opt-out list and channel-health problems, seeded from the spec's
// examples. `handle()` answers the operations it models and returns undefined for the rest (the
// pipeline then falls through to the examples). Actions fire webhook events to the listeners.
import { createClock } from "./clock.mjs";
import { toSearchParams } from "./contract.mjs";
import { copy, idFactory } from "./world/answers.mjs";
import { chatHandlers } from "./world/chats.mjs";
import { labelHandlers } from "./world/labels.mjs";
import { MESSAGE_STATUS, createSchedule, indexMessage, messageHandlers, receiveMessage, setMessageStatus, settleMessages } from "./world/messages.mjs";
import { optOutHandlers } from "./world/opt-outs.mjs";
import { openProblem, problemHandlers } from "./world/problems.mjs";
import { quickReplyHandlers } from "./world/quick-replies.mjs";
import { readSeed } from "./world/seed.mjs";
import { subscriptionHandlers, targetsOf } from "./world/subscriptions.mjs";
import { templateHandlers, templateKey } from "./world/templates.mjs";

/**
 * @typedef {import("./world/answers.mjs").Answer} Answer
 * @typedef {import("./world/answers.mjs").WorldRequest} WorldRequest
 * @typedef {{ eventName: string, eventData: any }} WebhookEvent
 * @typedef {ReturnType<typeof import("./world/subscriptions.mjs").targetsOf>[number]} Target
 * @typedef {(event: WebhookEvent, targets: Target[]) => void} EventListener
 * @typedef {(world: WorldContext, request: WorldRequest) => Answer | undefined} Handler
 * @typedef {{ state: any, clock: import("./clock.mjs").Clock, newId: () => string, emit: (eventName: string, eventData: any) => void,
 *   accounts: () => Set<string>, agents: { find(body: any): any }, options: { messageDelays: { delivered: number, seen: number } } }} WorldContext
 */

const HANDLERS = {
  ...labelHandlers,
  ...quickReplyHandlers,
  ...templateHandlers,
  ...chatHandlers,
  ...messageHandlers,
  ...subscriptionHandlers,
  ...optOutHandlers,
  ...problemHandlers,
};

/** The operationIds the world answers; every other operation falls through to the examples. */
export const MODELLED_OPERATIONS = Object.freeze(Object.keys(HANDLERS));

/**
 * @param {{ spec: any, clock?: import("./clock.mjs").Clock, onEvent?: EventListener,
 *   messageDelays?: { delivered?: number, seen?: number } }} options `spec`: a loaded spec (spec.mjs
 *   `loadSpec()`); `messageDelays`: ms after a send at which it becomes Delivered (default 1000) and Seen (default 3000)
 */
export function createWorld({ spec, clock = createClock(), onEvent, messageDelays = {} }) {
  const seed = readSeed(spec);
  const listeners = new Set(onEvent ? [onEvent] : []);
  /** @type {WorldContext} */
  const context = {
    state: undefined,
    clock,
    newId: idFactory(clock),
    options: { messageDelays: { delivered: 1000, seen: 3000, ...messageDelays } },
    emit(eventName, eventData) {
      const event = { eventName, eventData };
      const targets = targetsOf(context.state.subscriptions.values(), event);
      for (const target of targets) recordRun(context, target);
      for (const listener of listeners) listener(event, targets);
    },
    accounts() {
      const { templates, chats, problems, quickReplies } = context.state;
      return new Set(
        [
          ...[...templates.values(), ...chats.values()].map((item) => item.channelInfo?.accountId),
          ...[...problems.values()].map((problem) => problem.accountId),
          ...[...quickReplies.values()].flatMap((reply) => (reply.send?.target ?? []).map((target) => target.accountId)),
        ].filter(Boolean),
      );
    },
    agents: {
      find(body) {
        const known = context.state.agents.find(
          (a) => (body.agentUid && a.id === body.agentUid) || (body.agentEmail && a.email === body.agentEmail) || (body.agentCrmId && a.crmId === body.agentCrmId),
        );
        if (known) return known;
        // An agent the examples do not know: what the request says about them, and a new id.
        const agent = { id: body.agentUid ?? context.newId(), crmId: body.agentCrmId ?? null, ...(body.agentEmail && { email: body.agentEmail }) };
        context.state.agents.push(agent);
        return agent;
      },
    },
  };

  const reset = () => {
    const messages = new Map(copy(seed.messages).map((m) => [m._id, m]));
    context.state = {
      labels: new Map(copy(seed.labels).map((l) => [l.id, l])),
      quickReplies: new Map(copy(seed.quickReplies).map((r) => [r._id, r])),
      templates: new Map(copy(seed.templates).map((t) => [templateKey(t), t])),
      chats: new Map(copy(seed.chats).map((c) => [c._id, c])),
      messages,
      messagesByChat: new Map(),
      scheduled: { delivered: createSchedule(), seen: createSchedule() },
      subscriptions: new Map(copy(seed.subscriptions).map((s) => [s._id, s])),
      runs: new Map(copy(seed.runs).map((r) => [r._id, r])),
      unsubscribed: copy(seed.unsubscribed),
      problems: new Map(copy(seed.problems).map((p) => [p._id, p])),
      agents: copy(seed.agents),
    };
    for (const message of messages.values()) indexMessage(context.state, message);
  };
  reset();

  /** Runs an action after applying the status changes that fell due on the clock. */
  const act = (fn) => {
    settleMessages(context);
    return fn();
  };

  return {
    /**
     * Answers an operation the world models, or undefined (also for a request of a modelled
     * operation that the world leaves to the examples). The request must already be valid
     * (the pipeline validates first); `body` is the parsed JSON body. Other fields (such as the
     * token) are ignored: every caller sees the same world.
     * @param {{ operationId: string }} operation
     * @param {{ pathParams?: Record<string, string>, query?: URLSearchParams | Record<string, string | string[]>, body?: any }} request
     * @returns {Answer | undefined}
     */
    handle(operation, { pathParams = {}, query, body } = {}) {
      const handler = HANDLERS[operation.operationId];
      if (!handler) return undefined;
      return act(() => handler(context, { pathParams, query: toSearchParams(query), body }));
    },
    /** Restores the seed (listeners stay). */
    reset,
    /** Applies the message status changes that are due now; returns the clock's time. */
    settle: () => act(() => clock.now()),
    /** Advances the clock by `ms` and applies what fell due; returns the new time. */
    advanceClock: (ms) => {
      clock.advance(ms);
      return act(() => clock.now());
    },
    /**
     * Moves an outgoing message to a delivery status (0–6), firing messageStatusChanged (and
     * messageFailed for 4 and 5). Returns a 400/404 answer when it cannot, else undefined.
     */
    setMessageStatus: (messageId, status, error) => act(() => setMessageStatus(context, messageId, status, error)),
    /** A customer's message arriving in a chat; answers the stored message (200) or 404. */
    simulateIncomingMessage: (input) => act(() => receiveMessage(context, input)),
    /** Opens a channel-health problem; answers the problem (200). */
    simulateChannelProblem: (input) => act(() => openProblem(context, input)),
    /**
     * Adds an event listener; returns a function that removes it.
     * @param {EventListener} listener
     */
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Whether the world answers this operation. */
    models: (operationId) => operationId in HANDLERS,
    clock,
  };
}

export { MESSAGE_STATUS };

/** A subscription run for a delivery the world caused (the action's outcome is the journal's). */
function recordRun(context, target) {
  const run = {
    _id: context.newId(),
    scenarioId: target.scenarioId,
    version: target.version,
    success: true,
    started: context.clock.now(),
    executionTime: 0,
    conditionsResult: true,
    steps: [
      { type: "event", name: target.trigger, executionTime: 0 },
      { type: "action", name: "request", index: target.actionIndex, executionTime: 0 },
    ],
  };
  context.state.runs.set(run._id, run);
}

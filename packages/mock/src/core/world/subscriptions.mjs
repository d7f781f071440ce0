// Webhook subscriptions (Texter's scenarios): import, list, activate, inactivate, delete and runs.
// Which subscriptions an event reaches, and the URL it goes to, is read from the import body the
// way Texter's subscription templates write it: a `request` action whose `params.data.eventName`
// names the event and whose `params.url` is the receiver.
import { copy, invalid, json, notFound, page } from "./answers.mjs";

/** @type {Record<string, import("../world.mjs").Handler>} */
export const subscriptionHandlers = {
  listSubscriptions({ state }, { query }) {
    let scenarios = [...state.subscriptions.values()];
    if (query.get("includeSystem") !== "true") scenarios = scenarios.filter((s) => !s.system);
    return json({ total: scenarios.length, scenarios });
  },
  importSubscription({ state, clock, newId }, { body }) {
    const scenarioId = newId();
    const now = clock.now();
    const { version, ...data } = copy(body.data);
    const metadata = { ...(body.authorUid && { authorUid: body.authorUid }), created: now };
    const scenario = { _id: scenarioId, inactiveRevisions: [], drafts: [] };
    if (body.asStatus === "draft") {
      scenario.drafts.push({ _id: newId(), scenarioId, ...data, status: "draft", metadata });
    } else {
      const revision = { _id: newId(), scenarioId, ...data, conditions: data.conditions ?? [], loaders: data.loaders ?? {}, status: body.asStatus, version: 1, metadata };
      if (body.asStatus === "active") {
        revision.metadata.activated = now;
        scenario.activeRevision = revision;
      } else scenario.inactiveRevisions.push(revision);
    }
    state.subscriptions.set(scenarioId, scenario);
    return json(scenario, 201);
  },
  deleteSubscription({ state }, { pathParams }) {
    if (!state.subscriptions.delete(pathParams.scenarioId)) return missing(pathParams);
    for (const [id, run] of state.runs) if (run.scenarioId === pathParams.scenarioId) state.runs.delete(id);
    return json({ success: true });
  },
  activateSubscription({ state, clock }, { pathParams, body }) {
    const scenario = state.subscriptions.get(pathParams.scenarioId);
    if (!scenario) return missing(pathParams);
    const revisions = scenario.inactiveRevisions;
    const wanted = body?.version;
    // Without a version the newest inactive revision comes back; an active one stays active.
    const index = wanted === undefined ? revisions.reduce((best, r, i) => (best < 0 || r.version > revisions[best].version ? i : best), -1) : revisions.findIndex((r) => r.version === wanted);
    if (index < 0) {
      if (!scenario.activeRevision && wanted === undefined) {
        return invalid(`Subscription ${JSON.stringify(pathParams.scenarioId)} has no revision to activate (it was imported as a draft)`);
      }
      if (wanted === undefined || scenario.activeRevision?.version === wanted) return json(scenario);
      return notFound(`Version ${wanted} of subscription ${JSON.stringify(pathParams.scenarioId)}`);
    }
    const [revision] = revisions.splice(index, 1);
    if (scenario.activeRevision) revisions.push({ ...scenario.activeRevision, status: "inactive" });
    const now = clock.now();
    revision.status = "active";
    revision.metadata = { ...revision.metadata, activated: now };
    scenario.activeRevision = revision;
    return json(scenario);
  },
  inactivateSubscription({ state }, { pathParams }) {
    const scenario = state.subscriptions.get(pathParams.scenarioId);
    if (!scenario) return missing(pathParams);
    if (scenario.activeRevision) {
      scenario.inactiveRevisions.push({ ...scenario.activeRevision, status: "inactive" });
      delete scenario.activeRevision;
    }
    return json(scenario);
  },
  listScenarioRuns({ state }, { pathParams, query }) {
    if (!state.subscriptions.has(pathParams.scenarioId)) return missing(pathParams);
    const runs = [...state.runs.values()].filter((run) => run.scenarioId === pathParams.scenarioId).sort((a, b) => b.started - a.started);
    return json({ total: runs.length, runs: page(runs, query) });
  },
};

const missing = ({ scenarioId }) => notFound(`Subscription ${JSON.stringify(scenarioId)}`);

/**
 * The deliveries an event causes: one per active subscription that has a `request` action for
 * this event name and whose parameterised filter passes (the words of newMatchedMessage, the
 * label of chatSpecificLabelAdded). Other conditions of the templates (incoming only, media only,
 * resolved by an agent, …) are implied by which event the world fires.
 * @returns {{ scenarioId: string, version: number, url: string, trigger: string, actionIndex: number }[]}
 */
export function targetsOf(subscriptions, event) {
  const targets = [];
  for (const scenario of subscriptions) {
    const revision = scenario.activeRevision;
    if (!revision || !filterPasses(revision.conditions ?? [], event)) continue;
    (revision.actions ?? []).forEach((action, actionIndex) => {
      if (action.name !== "request" || action.params?.data?.eventName !== event.eventName) return;
      targets.push({ scenarioId: scenario._id, version: revision.version, url: String(action.params.url ?? ""), trigger: revision.triggerEvents?.[0] ?? "", actionIndex });
    });
  }
  return targets;
}

function filterPasses(conditions, event) {
  const expressions = conditions.flat().map((step) => String(step?.params?.expression ?? ""));
  const words = expressions.flatMap((e) => [...e.matchAll(/\btext == "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]));
  if (words.length && event.eventName === "newMatchedMessage" && !words.includes(event.eventData.message?.text)) return false;
  const labels = expressions.flatMap((e) => [...e.matchAll(/inArray\(addedLabels, "((?:[^"\\]|\\.)*)"\)/g)].map((m) => m[1]));
  if (labels.length && !labels.some((label) => event.eventData.addedLabels?.includes(label))) return false;
  return true;
}

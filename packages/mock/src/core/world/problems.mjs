// Channel-health problems: the list with its filters, resolve, and problems opened by the admin
// API (simulateChannelProblem), which fire channelHealthProblemCreated / ...Resolved.
import { copy, invalid, json, notFound } from "./answers.mjs";

/** @type {Record<string, import("../world.mjs").Handler>} */
export const problemHandlers = {
  listChannelHealthProblems({ state }, { query }) {
    let problems = [...state.problems.values()];
    if (query.get("includeResolved") !== "true") problems = problems.filter((p) => p.resolvedAt === undefined);
    for (const field of ["severity", "accountId", "channel"]) {
      if (query.has(field)) problems = problems.filter((p) => p[field] === query.get(field));
    }
    return json({ total: problems.length, problems });
  },
  resolveChannelHealthProblem(world, { pathParams }) {
    const problem = world.state.problems.get(pathParams.problemId);
    if (!problem) return notFound(`Channel health problem ${JSON.stringify(pathParams.problemId)}`);
    if (problem.resolvedAt !== undefined) return invalid(`Channel health problem ${JSON.stringify(problem._id)} is already resolved`);
    problem.resolvedAt = world.clock.now();
    world.emit("channelHealthProblemResolved", { problem: copy(problem) });
    return json(problem);
  },
};

/**
 * Opens a problem on a channel account: `{ accountId, channel?, name?, severity?, message?,
 * instruction?, impairedFunctionality? }`.
 */
export function openProblem(world, input) {
  const now = world.clock.now();
  const problem = {
    _id: world.newId(),
    channel: input.channel ?? "whatsapp",
    accountId: input.accountId,
    name: input.name ?? "whatsapp_business_has_limited_messaging_availability",
    severity: input.severity ?? "error",
    impairedFunctionality: copy(input.impairedFunctionality ?? { send: true, receive: false }),
    message: input.message ?? "Sending messages is limited on this channel.",
    ...(input.instruction && { instruction: input.instruction }),
    createdAt: now,
    startedAt: now,
  };
  world.state.problems.set(problem._id, problem);
  world.emit("channelHealthProblemCreated", { problem: copy(problem) });
  return json(problem);
}

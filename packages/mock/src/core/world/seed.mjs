// The world's starting state, read from the spec's own examples (so the seed follows the contract
// it is checked against). Every value is a deep copy: the spec document is never mutated.
import { copy } from "./answers.mjs";

/**
 * @param {{ doc: any, deref(node: any, at?: string): { node: any } }} spec a loaded spec (spec.mjs)
 * @returns {Seed}
 * @typedef {{ labels: any[], quickReplies: any[], templates: any[], chats: any[], messages: any[],
 *   subscriptions: any[], runs: any[], agents: any[], unsubscribed: { phone: string, title?: string, accountId?: string }[], problems: any[] }} Seed
 */
export function readSeed(spec) {
  const operations = new Map();
  for (const item of Object.values(spec.doc.paths ?? {})) {
    for (const operation of Object.values(spec.deref(item).node)) {
      if (operation?.operationId) operations.set(operation.operationId, operation);
    }
  }
  /** Every example value of an operation's success response, in the spec's order. */
  const examples = (operationId) => {
    const operation = operations.get(operationId);
    if (!operation) return [];
    const [code] = Object.keys(operation.responses ?? {}).filter((c) => /^2/.test(c));
    const response = code && spec.deref(operation.responses[code]).node;
    const media = response?.content?.["application/json"];
    return Object.values(media?.examples ?? {}).map((example) => copy(spec.deref(example).node.value));
  };
  const webhookData = Object.values(spec.doc.webhooks ?? {}).flatMap((item) => {
    const body = spec.deref(spec.deref(item).node.post?.requestBody ?? {}).node;
    return Object.values(body.content?.["application/json"]?.examples ?? {}).map((e) => copy(spec.deref(e).node.value?.eventData));
  });

  const chats = [
    ...examples("searchChats").flatMap((result) => result.data),
    ...examples("updateChatProperties"),
    ...examples("updateChatCrmData").map(({ success, ...chat }) => chat),
    ...webhookData.map((data) => data?.chat).filter(Boolean),
  ].map(({ personChats, ...chat }) => chat); // personChats appear in webhook payloads only
  const messages = [
    ...examples("getChatMessages").flatMap((page) => page.messages),
    ...webhookData.map((data) => data?.message).filter((message) => message?._id && message.parent_chat),
  ];
  for (const message of messages) {
    // A chat known only from its messages gets a minimal record, so its history can be read.
    let chat = chats.find((known) => known._id === message.parent_chat);
    if (!chat) {
      chat = { _id: message.parent_chat, channelInfo: copy(message.chatChannelInfo), status: 0, labels: [], unreadCount: 0 };
      chats.push(chat);
    }
    if (!(chat.last_message_timestamp >= message.timestamp)) chat.last_message_timestamp = message.timestamp;
  }
  const unsubscribed = [...examples("listUnsubscribedUsers").flat()];
  return {
    labels: examples("listLabels").flatMap((list) => list.labels),
    quickReplies: examples("listQuickReplies").flatMap((list) => list.quickReplies),
    templates: examples("listTemplates").flat(),
    chats: unique(chats, (chat) => chat._id),
    messages: unique(messages, (message) => message._id),
    subscriptions: examples("listSubscriptions").flatMap((list) => list.scenarios),
    runs: unique(examples("listScenarioRuns").flatMap((list) => list.runs), (run) => run._id),
    unsubscribed: unique(unsubscribed, (user) => user.phone),
    agents: unique(webhookData.map((data) => data?.agent).filter((agent) => agent?.id), (agent) => agent.id),
    problems: unique(examples("listChannelHealthProblems").flatMap((list) => list.problems), (problem) => problem._id),
  };
}

/** The first item per key. */
function unique(items, key) {
  const seen = new Map();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

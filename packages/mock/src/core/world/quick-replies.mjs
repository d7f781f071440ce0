// Quick replies: create, update (the list of operations, applied in order), delete, and list with
// skip/limit, the sort options and the forChat[id], position and hasContentsType filters.
import { copy, json, notFound, page } from "./answers.mjs";

/** @type {Record<string, import("../world.mjs").Handler>} */
export const quickReplyHandlers = {
  listQuickReplies({ state }, { query }) {
    let items = [...state.quickReplies.values()];
    const forChat = query.get("forChat[id]");
    const forAccount = query.get("forChat[accountId]");
    const forChannel = query.get("forChat[name]");
    // A quick reply is usable in a chat when one target is the chat itself or its whole account.
    if (forChat || forAccount || forChannel) {
      items = items.filter((reply) =>
        (reply.send?.target ?? []).some(
          (target) =>
            (!forChannel || target.name === forChannel) &&
            (!forAccount || target.accountId === forAccount) &&
            (!forChat || target.id === undefined || target.id === forChat),
        ),
      );
    }
    if (query.has("position")) items = items.filter((reply) => reply.display?.position === query.get("position"));
    const types = query.getAll("hasContentsType");
    if (types.length) items = items.filter((reply) => (reply.send?.contents ?? []).some((content) => types.includes(content.type)));
    items.sort(comparator(query));
    return json({ total: items.length, quickReplies: page(items, query) });
  },
  createQuickReply({ state, clock, newId }, { body }) {
    const reply = { _id: newId(), send: copy(body.send), metadata: { created: clock.now() } };
    if (body.display) reply.display = copy(body.display);
    state.quickReplies.set(reply._id, reply);
    return json(reply);
  },
  updateQuickReply({ state, clock }, { pathParams, body }) {
    const reply = state.quickReplies.get(pathParams.quickReplyId);
    if (!reply) return notFound(`Quick reply ${JSON.stringify(pathParams.quickReplyId)}`);
    for (const operation of body) {
      const [[key, value]] = Object.entries(operation);
      const set = (object, field) => {
        reply[object] ??= {};
        reply[object][field] = copy(value);
      };
      switch (key) {
        case "updateSendContents": set("send", "contents"); break;
        case "updateSendTarget": set("send", "target"); break;
        case "updateBetweenMessagesDelay": set("send", "betweenMessagesDelay"); break;
        case "updateDisplayTitle": set("display", "title"); break;
        case "updateDisplayNote": set("display", "note"); break;
        case "updateDisplayPosition": set("display", "position"); break;
        case "updateDisplayDepartments": set("display", "departments"); break;
        case "updateDisplayUsers": set("display", "users"); break;
        case "updateClientMetadata": set("metadata", "client"); break;
      }
    }
    reply.metadata ??= {};
    reply.metadata.updated = clock.now();
    return json(reply);
  },
  deleteQuickReply({ state }, { pathParams }) {
    if (!state.quickReplies.delete(pathParams.quickReplyId)) return notFound(`Quick reply ${JSON.stringify(pathParams.quickReplyId)}`);
    return json({ success: true });
  },
};

/** Sort by title, then creation, then update time, as asked; creation time descending by default. */
function comparator(query) {
  const keys = [
    ["sortTitle", (r) => r.display?.title ?? ""],
    ["sortUpdated", (r) => r.metadata?.updated ?? r.metadata?.created ?? 0],
    ["sortCreated", (r) => r.metadata?.created ?? 0],
  ].filter(([name]) => query.has(name));
  if (!keys.some(([name]) => name === "sortCreated")) keys.push(["sortCreated", (r) => r.metadata?.created ?? 0]);
  return (a, b) => {
    for (const [name, key] of keys) {
      const direction = (query.get(name) ?? "desc") === "asc" ? 1 : -1;
      const [x, y] = [key(a), key(b)];
      if (x < y) return -direction;
      if (x > y) return direction;
    }
    return 0;
  };
}

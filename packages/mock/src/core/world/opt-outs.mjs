// The template opt-out list: unsubscribe, resubscribe and the two lists. An entry without
// `accountId` applies to every WhatsApp account of the project, as the contract says.
import { copy, json, notFound } from "./answers.mjs";
import { samePhone } from "./chats.mjs";

/** @type {Record<string, import("../world.mjs").Handler>} */
export const optOutHandlers = {
  unsubscribeFromTemplates(world, { body }) {
    const entries = world.state.unsubscribed;
    const date = new Date(world.clock.now()).toISOString();
    if (!entries.some((e) => samePhone(body.phone, e.phone) && (e.accountId === undefined || e.accountId === body.accountId))) {
      const chat = chatsOf(world, body)[0];
      entries.push({ phone: body.phone, ...(chat?.title && { title: chat.title }), ...(body.accountId && { accountId: body.accountId }), date });
    }
    for (const chat of chatsOf(world, body)) {
      if (chat.unsubscribed) continue;
      chat.unsubscribed = { date };
      world.emit("chatUnsubscribed", { chat: copy(chat) });
    }
    return json({ success: true });
  },
  resubscribeToTemplates(world, { body }) {
    world.state.unsubscribed = world.state.unsubscribed.filter(
      (e) => !(samePhone(body.phone, e.phone) && (body.accountId === undefined || e.accountId === undefined || e.accountId === body.accountId)),
    );
    for (const chat of chatsOf(world, body)) {
      if (!chat.unsubscribed || isOptedOut(world.state, chat)) continue;
      delete chat.unsubscribed;
      world.emit("chatSubscribed", { chat: copy(chat) });
    }
    return json({ success: true });
  },
  /**
   * Only a recipient on the opt-out list is the world's to answer: HTTP 200 with
   * `success: false`, as the contract's `unsubscribed` example. Any other send falls through to
   * the examples (the world keeps no template traffic).
   */
  sendTemplateMessage({ state }, { body }) {
    const entry = state.unsubscribed.find((e) => samePhone(body.to, e.phone) && (e.accountId === undefined || body.from === undefined || e.accountId === body.from));
    if (!entry) return undefined;
    const since = entry.date ? ` on ${entry.date}` : "";
    return json({ success: false, error: `Recipient unsubscribed from template messages${since}` });
  },
  listUnsubscribedUsers({ state }) {
    return json(users(state.unsubscribed));
  },
  listUnsubscribedUsersByAccount({ state, accounts }, { pathParams: { accountId } }) {
    if (!accounts().has(accountId)) return notFound(`Channel account ${JSON.stringify(accountId)}`);
    return json(users(state.unsubscribed.filter((e) => e.accountId === undefined || e.accountId === accountId)));
  },
};

const chatsOf = (world, { phone, accountId }) =>
  [...world.state.chats.values()].filter((chat) => samePhone(phone, chat.channelInfo?.id) && (!accountId || chat.channelInfo?.accountId === accountId));

const isOptedOut = (state, chat) =>
  state.unsubscribed.some((e) => samePhone(e.phone, chat.channelInfo?.id) && (e.accountId === undefined || e.accountId === chat.channelInfo?.accountId));

/** One entry per phone number, in the list's shape. */
function users(entries) {
  const seen = new Map();
  for (const { phone, title } of entries) if (!seen.has(phone)) seen.set(phone, { phone, ...(title && { title }) });
  return [...seen.values()];
}

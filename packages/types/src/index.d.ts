// Generated from @texterchat/openapi 0.2.0 by packages/types/scripts/generate.mjs. Do not edit.
import type { components } from "./schema.js";
export type { $defs, components, operations, paths, webhooks } from "./schema.js";

/** Version of the Texter API contract these types were generated from. */
export type TexterContractVersion = "0.2.0";

/**
 * One thing wrong with a rejected request: where it is (`location` and `path`) and what is wrong
 * with it (`message`). **Unverified:** this is the detail the kit's mock adds to its own error
 * answers; Texter documents no such field.
 */
export type Violation = components["schemas"]["Violation"];
/**
 * Error body: `{"success": false, "error": "<what went wrong>"}`, sent as `application/json`.
 * The object is open; the kit's mock adds detail fields (`violations` on a rejected request,
 * `missingScopes` on a 403). **Unverified:** Texter does not document the shape of its error
 * responses; this is the kit's best guess from the `success` flag many success bodies carry.
 */
export type ApiError = components["schemas"]["Error"];
/**
 * How a template is meant to be sent: `inbox` for one-to-one sends from the inbox, `bulk` for
 * broadcasts to many recipients.
 */
export type TemplateUsage = components["schemas"]["TemplateUsage"];
/**
 * Status of a chat. `0` BOT (the bot is handling the chat), `1` PENDING (waiting for an
 * agent), `2` ASSIGNED (taken by an agent; the older Postman text calls it TAKEN),
 * `3` RESOLVED (the older text calls it SOLVED), `4` BULK (only bulk template traffic).
 */
export type ChatStatus = components["schemas"]["ChatStatus"];
/** Named values of {@link ChatStatus}: `ChatStatus.BOT` is `0`. */
export declare namespace ChatStatus {
  /**
   * The bot is handling the chat.
   */
  type BOT = 0;
  /**
   * Waiting for an agent or department to take it.
   */
  type PENDING = 1;
  /**
   * Taken by an agent (shown as "Taken" in Texter).
   */
  type ASSIGNED = 2;
  /**
   * Resolved; the next incoming message goes back to the bot.
   */
  type RESOLVED = 3;
  /**
   * Only bulk template traffic so far.
   */
  type BULK = 4;
}
/**
 * Messaging channel type.
 */
export type ChannelName = components["schemas"]["ChannelName"];
/**
 * Identifies a conversation on a channel account: the channel type, the contact's id on that
 * channel (for WhatsApp the customer's phone number) and the business account (for WhatsApp
 * the connected phone number). Used as `chatChannelInfo` on messages and as `channelInfo` on
 * chats.
 */
export type ChannelInfo = components["schemas"]["ChannelInfo"];
/**
 * WhatsApp category of a template. WhatsApp may move a template to another category when it
 * reviews it (Utility is often turned into Marketing). Create New Template accepts only
 * `MARKETING` and `UTILITY`; `AUTHENTICATION` is listed here because Texter's own template-import
 * tool sends it and WhatsApp uses it, but Texter's Template object page shows only the first two.
 * **Unverified:** `AUTHENTICATION` is not listed on Texter's Template object page; it comes from
 * Texter's template-import tool.
 */
export type TemplateCategory = components["schemas"]["TemplateCategory"];
/**
 * Approval state of one localization of a template at WhatsApp. A localization submitted for
 * approval starts as `REQUESTED`. The enums page of Texter's reference is cut off after the first
 * values, so this list (completed from the Template object page) may be incomplete.
 */
export type TemplateLocalizationStatus = components["schemas"]["TemplateLocalizationStatus"];
/**
 * The optional header shown above the body: a media file (image, video, document) or a
 * location.
 */
export type TemplateHeaderComponent = components["schemas"]["TemplateHeaderComponent"];
/**
 * The main text of the template. It may contain numbered variables `{{1}}`, `{{2}}`, …
 */
export type TemplateBodyComponent = components["schemas"]["TemplateBodyComponent"];
/**
 * A short line of text shown under the body.
 */
export type TemplateFooterComponent = components["schemas"]["TemplateFooterComponent"];
/**
 * A button that sends its label back as the recipient's reply.
 */
export type TemplateQuickReplyButton = components["schemas"]["TemplateQuickReplyButton"];
/**
 * A call-to-action button that opens a web address.
 */
export type TemplateUrlButton = components["schemas"]["TemplateUrlButton"];
/**
 * A call-to-action button that starts a phone call.
 */
export type TemplatePhoneNumberButton = components["schemas"]["TemplatePhoneNumberButton"];
/**
 * A call-to-action button that opens a WhatsApp Flow (an in-chat form).
 */
export type TemplateFlowButton = components["schemas"]["TemplateFlowButton"];
/**
 * One call-to-action button of a template's `BUTTONS` component, selected by `type`: `URL`,
 * `PHONE_NUMBER` or `FLOW`. (Quick-reply buttons are TemplateQuickReplyButton; the two kinds are
 * never mixed in one template.)
 */
export type TemplateCallToActionButton = components["schemas"]["TemplateCallToActionButton"];
/**
 * The buttons under the message: one to three `QUICK_REPLY` buttons, or one or two
 * call-to-action buttons (`URL`, `PHONE_NUMBER`, `FLOW`). Quick replies and call-to-action
 * buttons cannot be mixed in one template.
 */
export type TemplateButtonsComponent = components["schemas"]["TemplateButtonsComponent"];
/**
 * One building block of a template localization, selected by `type`: `HEADER`, `BODY`,
 * `FOOTER` or `BUTTONS`. A localization holds at most one component of each type.
 */
export type TemplateComponent = components["schemas"]["TemplateComponent"];
/**
 * WhatsApp's quality rating of one localization of a template, with the reasons behind it.
 */
export type TemplateQualityScore = components["schemas"]["TemplateQualityScore"];
/**
 * One language version of a template as WhatsApp knows it (an item of
 * `provider_template.localizations`). A localization lands here once it has been submitted for
 * approval; before that it lives in the template's `localizationDrafts`.
 */
export type TemplateLocalization = components["schemas"]["TemplateLocalization"];
/**
 * Values Texter fills in when a template is sent in one language and the sender does not pass
 * them (see Send Template Message): body variables, header media and button payloads. They do
 * not affect WhatsApp's approval.
 */
export type TemplateDefaults = components["schemas"]["TemplateDefaults"];
/**
 * A localization that exists only in Texter so far (a value of the template's
 * `localizationDrafts`, keyed by language). Submitting it for approval moves it to
 * `provider_template.localizations`.
 */
export type TemplateLocalizationDraft = components["schemas"]["TemplateLocalizationDraft"];
/**
 * A WhatsApp template in Texter. It joins Texter's own settings (who may use it, what happens to
 * the chat when the recipient replies, send-time defaults) with what WhatsApp knows about it
 * (`provider_template`: category, approval state and content per language). A new template keeps
 * its content in `localizationDrafts` until it is submitted for approval; submitted and approved
 * content is in `provider_template.localizations`.
 */
export type Template = components["schemas"]["Template"];
/**
 * A template message to send to one recipient. `body` is needed when the template has body
 * variables; `buttons` is needed when a URL button has a variable or the template was built
 * with a Flow form. Values not given fall back to the template's `defaults`.
 */
export type SendTemplateMessageRequest = components["schemas"]["SendTemplateMessageRequest"];
/**
 * Outcome of Send Template Message. Both outcomes arrive with HTTP 200: `success: true` when the
 * message went out, `success: false` when it was not sent because the recipient unsubscribed
 * from template messages.
 */
export type SendTemplateMessageResult = components["schemas"]["SendTemplateMessageResult"];
/**
 * Settings of a new template (step 1 of 3: create, then add a localization, then submit it for
 * approval). `responsibleAgent` and `responsibleDepartment` cannot be sent together.
 * The object is left open: the reference says more fields exist without naming them, and
 * Texter's template-import tool sends fields the reference does not list.
 */
export type CreateTemplateRequest = components["schemas"]["CreateTemplateRequest"];
/**
 * The template settings to change; fields left out keep their value. Every creation setting
 * except `name` and `category` can be changed, so those two must not be sent.
 * `responsibleAgent` and `responsibleDepartment` cannot be sent together. The object is left
 * open because most field names are inferred from the Template object rather than listed by the
 * reference.
 */
export type UpdateTemplateRequest = components["schemas"]["UpdateTemplateRequest"];
/**
 * The content of one language version of a template (step 2 of 3). `components` needs at least
 * one component and at most one of each type (`HEADER`, `BODY`, `FOOTER`, `BUTTONS`). Sending a
 * language that already has a draft replaces that draft. The object is left open because the
 * name of `defaults` is inferred and the component model may carry more WhatsApp fields than the
 * reference lists.
 */
export type TemplateLocalizationRequest = components["schemas"]["TemplateLocalizationRequest"];
/**
 * The recipient to remove from or put back on the template opt-out list. Without `accountId` the
 * change applies to every WhatsApp channel of the project.
 */
export type TemplateSubscriptionRequest = components["schemas"]["TemplateSubscriptionRequest"];
/**
 * Acknowledgement body of operations that only report whether they worked.
 */
export type SuccessResult = components["schemas"]["SuccessResult"];
/**
 * A recipient on the template opt-out list.
 */
export type UnsubscribedUser = components["schemas"]["UnsubscribedUser"];
/**
 * The agent a chat is assigned to. `uid` is `null` while no agent holds the chat (for example
 * while the bot handles it or it waits in a department queue).
 */
export type ChatAgent = components["schemas"]["ChatAgent"];
/**
 * Content type of a message; it decides which content field carries the payload. `text` (both
 * directions, `text`), `media` (both, `media[]`), `contacts` (both, `contacts[]`), `location`
 * (both, `location`), `buttons` (outgoing only, `text` + `buttons[]`), `list` (outgoing only,
 * `text` + `list`), `postback` (incoming only, `postback`), `special` (both, `special`, for
 * example template sends). Send a Message to Chat accepts only `text`, `media`, `buttons`,
 * `list`, `contacts` and `location`.
 */
export type MessageType = components["schemas"]["MessageType"];
/**
 * Kind of file in a media item: `image`, `video`, `document`, `audio` or `sticker`. Stickers are
 * only ever received; they cannot be sent through the API.
 */
export type MediaType = components["schemas"]["MediaType"];
/**
 * One file attached to a `media` message (also used for the media of a chat's `lastMessage`).
 * The file itself is stored in Texter and addressed by `fileId`; create a public link to it
 * with Generate Public Media URL.
 */
export type MediaItem = components["schemas"]["MediaItem"];
/**
 * A short copy of the chat's most recent message. Not included in Search Chats results; Get Chat
 * by Chat ID returns only `type` and `text`.
 */
export type ChatLastMessage = components["schemas"]["ChatLastMessage"];
/**
 * What Texter will do when the contact replies to a template message that was sent to this chat
 * (routing, bot node, automatic reply). Set from the template's reply settings or from the
 * `replyAction` of Send Template Message, and valid for `expirationTime` seconds after `created`.
 */
export type ReplyAction = components["schemas"]["ReplyAction"];
/**
 * A bot session of a chat: which bot flow (and version) ran, the node it reached and the data it
 * collected. Used for `botState` (the active or latest session) and `previousBotSession` (the one
 * before it) on chats. Get Chat by Chat ID returns only `id`. The session `id` can be passed as
 * `botSessionId` to Get Messages of a Chat.
 */
export type BotState = components["schemas"]["BotState"];
/**
 * One of the chats that belong to the same person (across channels and accounts), as listed in
 * `personChats`. Present in webhook payloads only.
 */
export type PersonChat = components["schemas"]["PersonChat"];
/**
 * One conversation between the business and one contact on one channel account. Returned by
 * Search Chats (without `lastMessage`), Update Chat Properties, Update CRM Data and every chat
 * webhook; Get Chat by Chat ID returns a trimmed view instead (see `ChatPublicView`).
 *
 * Time units: `last_message_timestamp`, `lastIncomingMessageTimestamp` and
 * `lastMessageStoredInCRMTimestamp` are epoch milliseconds; `pendingMessageTime`,
 * `pendingUpdateTime`, `resolvedUpdateTime` and `replyAction.created` are epoch seconds;
 * `created`, `updatedAt` and `unsubscribed.date` are ISO 8601 strings.
 */
export type Chat = components["schemas"]["Chat"];
/**
 * One page of Search Chats results, newest last message first.
 */
export type ChatSearchResult = components["schemas"]["ChatSearchResult"];
/**
 * Which chat to assign and to whom. Name the chat with exactly one of `phone` or `chatId`. Name
 * the assignee with exactly one agent identifier (`agentUid`, `agentEmail` or `agentCrmId`), or
 * with `departmentId` alone, or with `departmentId` plus one agent identifier. Add `channel` only
 * when several chats share the phone number.
 */
export type AssignChatRequest = components["schemas"]["AssignChatRequest"];
/**
 * The trimmed chat view returned by Get Chat by Chat ID. Compared with the full `Chat` it lacks
 * `_id` (Texter's own code confirms it is absent), `labels`, `crmData` and `displayName`,
 * reduces `botState` to its `id` and `lastMessage` to `type` and `text`, and names the
 * last-message time `lastMessageTimestamp` (camelCase) where the full chat uses
 * `last_message_timestamp`. Use Search Chats for the full record.
 */
export type ChatPublicView = components["schemas"]["ChatPublicView"];
/**
 * Chat properties to overwrite. Every value sent replaces the stored one (`crmData` is replaced as
 * a whole; use Update CRM Data to merge). The object is left open: the reference lists a further
 * field whose name it does not give ("reserved for future functionality") and infers several of
 * the names below, so more fields may be accepted.
 */
export type UpdateChatPropertiesRequest = components["schemas"]["UpdateChatPropertiesRequest"];
/**
 * Options for resolving a chat.
 */
export type ResolveChatRequest = components["schemas"]["ResolveChatRequest"];
/**
 * CRM data to merge into the chat's `crmData`.
 */
export type UpdateCrmDataRequest = components["schemas"]["UpdateCrmDataRequest"];
/**
 * The updated chat with all its fields, plus a `success` flag.
 */
export type UpdateCrmDataResult = components["schemas"]["UpdateCrmDataResult"];
/**
 * One change to the labels of a chat. Send exactly one of the three keys: `add` attaches the
 * listed labels, `remove` detaches them, and `set` replaces the chat's whole label list with the
 * given one (an empty `set` clears every label). Values are label `id`s, as returned by List All
 * Labels.
 */
export type ManageChatLabelsRequest = components["schemas"]["ManageChatLabelsRequest"];
/**
 * Delivery state of an outgoing message: `0` Sent (left Texter), `1` Accepted (the provider
 * took it), `2` Delivered (reached the device), `3` Seen (read), `4` Failed (not delivered,
 * e.g. invalid number), `5` Channel Failed (system or channel failure), `6` Deleted.
 */
export type MessageStatus = components["schemas"]["MessageStatus"];
/** Named values of {@link MessageStatus}: `MessageStatus.SENT` is `0`. */
export declare namespace MessageStatus {
  /**
   * Sent from the platform.
   */
  type SENT = 0;
  /**
   * Accepted by the provider (e.g. Meta received it).
   */
  type ACCEPTED = 1;
  /**
   * Delivered to the recipient's device.
   */
  type DELIVERED = 2;
  /**
   * Read by the recipient.
   */
  type SEEN = 3;
  /**
   * Failed to deliver (e.g. invalid number).
   */
  type FAILED = 4;
  /**
   * System or channel level failure.
   */
  type CHANNEL_FAILED = 5;
  /**
   * The message was deleted.
   */
  type DELETED = 6;
}
/**
 * One step in the delivery timeline of an outgoing message.
 */
export type StatusHistoryEntry = components["schemas"]["StatusHistoryEntry"];
/**
 * One event in the reaction timeline of a message: an emoji was set, or a reaction was
 * removed. **Unverified:** Texter names the three fields but not their types; a string emoji,
 * a boolean `removed` flag and an epoch-milliseconds `timestamp` (the unit of every message
 * time) are inferred.
 */
export type ReactionsHistoryEntry = components["schemas"]["ReactionsHistoryEntry"];
/**
 * Identifies the bot flow node that produced an outgoing message.
 */
export type BotMsgInfo = components["schemas"]["BotMsgInfo"];
/**
 * Structured record of the WhatsApp template an outgoing template message was sent from. It
 * replaces the deprecated `templateId`, `templateMessage`, `templateMessageData`, `parameters`
 * and `templateParameters` message fields. **Unverified:** Texter names the three fields but
 * documents neither their types nor the shape of `localization` and `contents`.
 */
export type WhatsappTemplateInfo = components["schemas"]["WhatsappTemplateInfo"];
/**
 * Deletion of the message planned by the project's retention rules. After it runs, removed
 * contents leave an empty shell marked with `special.deleted`, and removed files carry
 * `media[].deleted`.
 */
export type ScheduledDeletion = components["schemas"]["ScheduledDeletion"];
/**
 * A plain text message (incoming or outgoing).
 */
export type TextContent = components["schemas"]["TextContent"];
/**
 * A message carrying one or more files (incoming or outgoing). Each item names the kind of file
 * and its `fileId` in Texter's storage.
 */
export type MediaContent = components["schemas"]["MediaContent"];
/**
 * A reply button offered to the contact in a `buttons` message. When the contact taps it, an
 * incoming `postback` message arrives carrying the button's `payload` and `title`.
 */
export type MessageButton = components["schemas"]["MessageButton"];
/**
 * An outgoing message with reply buttons: a body text and up to three buttons. The contact's tap
 * comes back as an incoming `postback` message.
 */
export type ButtonsContent = components["schemas"]["ButtonsContent"];
/**
 * A WhatsApp list picker: a button that opens a menu of rows grouped in sections. When the
 * contact picks a row, an incoming `postback` message arrives carrying the row's `payload`,
 * `title` and `description`. WhatsApp allows at most 10 rows across all sections of one list.
 */
export type ListPicker = components["schemas"]["ListPicker"];
/**
 * An outgoing message with a list picker: a body text and a button that opens a menu of rows.
 * The contact's choice comes back as an incoming `postback` message.
 */
export type ListContent = components["schemas"]["ListContent"];
/**
 * The button or list row a contact chose, as carried by an incoming `postback` message. The
 * `payload` is the one set on the button or row that was sent.
 */
export type Postback = components["schemas"]["Postback"];
/**
 * An incoming message recording which reply button or list row the contact chose in an earlier
 * `buttons` or `list` message.
 */
export type PostbackContent = components["schemas"]["PostbackContent"];
/**
 * A vCard-style contact card shared in a `contacts` message. Texter documents the top-level
 * lists (`name`, `phones`, `emails`, `urls`, `addresses`, `org`, `birthday`), the
 * `name.formatted_name` field and the `phones[]` entries `{phone, type}`; the other sub-field
 * names follow WhatsApp's contacts message format and are marked unverified.
 */
export type ContactCard = components["schemas"]["ContactCard"];
/**
 * A message sharing one or more contact cards (incoming or outgoing).
 */
export type ContactsContent = components["schemas"]["ContactsContent"];
/**
 * A geographic location shared in a `location` message.
 */
export type Location = components["schemas"]["Location"];
/**
 * A message sharing a geographic location (incoming or outgoing).
 */
export type LocationContent = components["schemas"]["LocationContent"];
/**
 * A message whose content is channel-specific or structured: template sends, echoes of messages
 * sent from another client, history imports, status updates, content the provider does not
 * support, and messages whose contents were redacted or removed by retention rules. The
 * `special` object is open; the flags listed below are the ones Texter documents.
 */
export type SpecialContent = components["schemas"]["SpecialContent"];
/**
 * A regular message, the conversation itself: its `type` selects the content fields (the
 * branches of MessageContent). `systemMessage` is absent or `false`.
 */
export type RegularMessage = components["schemas"]["RegularMessage"];
/**
 * A routing record in the chat history instead of a chat bubble: it notes an assignment or a
 * status change. System messages carry no `type`, `direction`, `status`, content or reactions;
 * next to the fields below they have the common identity fields (`_id`, `parent_chat`,
 * `chatChannelInfo`, `timestamp`, `botSessionId`, `agent` and a placeholder `channelInfo`).
 * They are listed by Get Messages of a Chat but never trigger message webhook events.
 */
export type SystemMessage = components["schemas"]["SystemMessage"];
/**
 * One entry in a chat's history, as returned by Get Messages of a Chat, Send a Message to Chat
 * and the message webhook events. There are two variants:
 *
 * - **Regular messages**, the conversation itself: incoming and outgoing texts, files,
 *   buttons, lists, contact cards, locations and template sends. Their `type` selects the
 *   content fields (see MessageContent).
 * - **System messages** (`systemMessage: true`), routing records of assignments and status
 *   changes, without direction, delivery status, content or reactions (see SystemMessage).
 *
 * `systemMessage` tells them apart: it is `true` on system messages and absent or `false` on
 * regular ones, which alone carry `type`. In TypeScript both `m.systemMessage === true` and
 * `"type" in m` narrow a Message to one variant.
 *
 * Every time on a message is in epoch milliseconds, except `updatedAt` (ISO 8601). The object
 * is open: Texter may send fields not listed here.
 */
export type Message = components["schemas"]["Message"];
/**
 * One page of a chat's messages, oldest first, with the time range of the whole chat. To read
 * further back, ask again with `beforeTime` and `beforeId` set to the `timestamp` and `_id` of
 * the first (oldest) message of this page.
 */
export type ChatMessagesPage = components["schemas"]["ChatMessagesPage"];
/**
 * Send body of a plain text message.
 */
export type SendTextMessage = components["schemas"]["SendTextMessage"];
/**
 * One file to send. Give the kind of file and exactly one source: a public `url`, which Texter
 * downloads and stores, or the `fileId` of a file already stored in Texter (for example
 * `media[].fileId` of an earlier message). Giving both, or neither, is rejected.
 */
export type OutgoingMediaItem = components["schemas"]["OutgoingMediaItem"];
/**
 * Send body of a message with files: 1 to 10 items, each a public `url` for Texter to download
 * and store, or the `fileId` of a file already stored in Texter.
 */
export type SendMediaMessage = components["schemas"]["SendMediaMessage"];
/**
 * Send body of a message with reply buttons (WhatsApp allows 1 to 3 buttons).
 */
export type SendButtonsMessage = components["schemas"]["SendButtonsMessage"];
/**
 * Send body of a message with a list picker. WhatsApp accepts at most 10 rows in total across
 * all sections of the list; JSON Schema cannot count across sections, so this limit is checked
 * only by Texter.
 */
export type SendListMessage = components["schemas"]["SendListMessage"];
/**
 * Send body of a message sharing one or more contact cards.
 */
export type SendContactsMessage = components["schemas"]["SendContactsMessage"];
/**
 * Send body of a message sharing a location.
 */
export type SendLocationMessage = components["schemas"]["SendLocationMessage"];
/**
 * Body of Send a Message to Chat. `type` selects the shape: `text` (needs `text`), `media`
 * (needs `media`), `buttons` (needs `text` and `buttons`), `list` (needs `text` and `list`),
 * `contacts` (needs `contacts`) or `location` (needs `location`). Every shape also accepts
 * `context` (reply to a message) and `tmpSendId` (your tracking id). `postback` and `special`
 * cannot be sent.
 */
export type SendMessageRequest = components["schemas"]["SendMessageRequest"];
/**
 * Answer of Send a Message to Chat.
 */
export type SendMessageResult = components["schemas"]["SendMessageResult"];
/**
 * A label that agents or the API attach to chats. A chat stores the label `id`s it carries in
 * `chat.labels`.
 */
export type Label = components["schemas"]["Label"];
/**
 * One page of labels.
 */
export type LabelList = components["schemas"]["LabelList"];
/**
 * A new label.
 */
export type CreateLabelRequest = components["schemas"]["CreateLabelRequest"];
/**
 * Changes to an existing label: a new display name, a new color, or both. The label `id` itself
 * cannot be changed. Both fields are optional, but a request must carry at least one of them.
 * On system labels only these two fields are editable anyway.
 * **Unverified:** the reference marks both fields optional without saying whether an empty body
 * is rejected; the at-least-one rule is the kit's choice, since an empty update changes nothing.
 */
export type UpdateLabelRequest = components["schemas"]["UpdateLabelRequest"];
/**
 * Options for a new public link. The body is optional: without `ttl` the link never expires.
 * Creating a new link does not revoke links made earlier for the same file.
 */
export type PublicMediaUrlRequest = components["schemas"]["PublicMediaUrlRequest"];
/**
 * A read-only public link to a stored file. Anyone holding the URL can download the file, without
 * a token, until the link's `ttl` (if any) runs out.
 */
export type PublicMediaUrl = components["schemas"]["PublicMediaUrl"];
/**
 * A health problem Texter detected on a connected channel account (for example a WhatsApp
 * number whose business verification failed). A problem is active while `resolvedAt` is absent.
 * Returned by List Channel Health Problems, Resolve Channel Health Problem and the
 * channel-health webhooks.
 */
export type Problem = components["schemas"]["Problem"];
/**
 * The channel health problems that match the filters, with their count.
 * **Unverified:** the reference does not document the response of List Channel Health Problems;
 * this `{total, problems}` wrapper follows the shape of Texter's other list endpoints (labels,
 * quick replies, subscriptions).
 */
export type ProblemList = components["schemas"]["ProblemList"];
/**
 * A message content type a quick reply can contain, the same values as `message.type`. Used by
 * the `hasContentsType` filter of Get Existing Quick Replies.
 */
export type QuickReplyContentType = components["schemas"]["QuickReplyContentType"];
/**
 * The content of a message, selected by `type`: `text`, `media`, `buttons`, `list`, `postback`,
 * `contacts`, `location` or `special`. Exactly one branch matches, picked by the `type` value.
 * Used for the contents of quick replies; a regular Message has the same branches (RegularMessage).
 */
export type MessageContent = components["schemas"]["MessageContent"];
/**
 * Where a quick reply can be used: a channel account (`name` + `accountId`), optionally narrowed
 * to one chat (`id`). A quick reply that targets a single chat is how AI suggestions are scoped to
 * that conversation. This schema is shared by requests and responses, so it stays open; request
 * bodies close it with `unevaluatedProperties: false` where they use it.
 */
export type QuickReplyTarget = components["schemas"]["QuickReplyTarget"];
/**
 * How and to whom the quick reply is shown in the Texter inbox. This schema is shared by requests
 * and responses, so it stays open; request bodies close it with `unevaluatedProperties: false`
 * where they use it.
 */
export type QuickReplyDisplay = components["schemas"]["QuickReplyDisplay"];
/**
 * A canned reply agents can send from the inbox: one or more message contents, the channel
 * accounts (or single chat) it applies to, and how it is displayed. A quick reply whose
 * `metadata.client.aiQuickReply` is `true` is shown as an AI suggestion.
 */
export type QuickReply = components["schemas"]["QuickReply"];
/**
 * One page of quick replies and the total count.
 */
export type QuickReplyList = components["schemas"]["QuickReplyList"];
/**
 * A new quick reply: what it sends (`send`, required) and how it is displayed (`display`,
 * optional). Texter checks the contents against the limits of every targeted channel.
 */
export type CreateQuickReplyRequest = components["schemas"]["CreateQuickReplyRequest"];
/**
 * One change to a quick reply. Each operation is an object with exactly one key naming the
 * change; Update Existing Quick Reply applies a list of them in order. Keys that take `null`
 * clear the value.
 */
export type QuickReplyUpdateOperation = components["schemas"]["QuickReplyUpdateOperation"];
/**
 * A reference to data that Texter fills in when the step runs: the value found under `key` in
 * the data of `provider`. A provider is either a part of the triggering event (for example
 * `message`, `messageStatusRequest`, `agent`, `addedLabels`, `problem`) or the `alias` of a loader
 * that ran earlier (for example `chat`). Written as `{"##provide": {"provider": …, "key": …}}`.
 */
export type ScenarioProvide = components["schemas"]["ScenarioProvide"];
/**
 * One value inside a step's `params`. It is one of:
 *
 * - a literal string, number or boolean. Strings may contain `%provider:key%` placeholders that
 *   Texter replaces at run time with data from the event or a loader (for example
 *   `%messageStatusRequest:status%`, `%chat:chat%`). Texter's ready-made import templates also
 *   contain `{{…}}` placeholders (`{{yourWebhookURL}}`, `{{word1}}`, `{{targetLabelId}}`) that you
 *   replace before importing;
 * - a list of values;
 * - a `{"##provide": {provider, key}}` reference (see ScenarioProvide);
 * - a nested object whose values are again any of these (for example the `data` body of a
 *   `request` action, with `eventName` and `eventData`).
 */
export type ScenarioParamValue = components["schemas"]["ScenarioParamValue"];
/**
 * One building block of a scenario: a loader, a condition or an action. `name` picks the Texter
 * component to run (for example the `chat` loader, the `filtrex` and `compare` conditions, the
 * `request` action that calls your webhook URL) and `params` configures it. Loaders also carry an
 * `alias`: the provider name under which their result is available to later steps.
 */
export type ScenarioStep = components["schemas"]["ScenarioStep"];
/**
 * Loaders fetch extra data for a scenario run, in two phases: `beforeConditions` run before the
 * conditions are checked (so conditions can use their data) and `afterConditions` run only when
 * the conditions passed. Either list may be missing; an empty object means no loaders.
 */
export type ScenarioLoaders = components["schemas"]["ScenarioLoaders"];
/**
 * A loop of a scenario: the `loop` definition and where it runs (`position`). Texter's own
 * marketplace scenarios (import format `v1.1`) carry loops shaped
 * `{loop: {type: "foreach", as, input, confidentialData, foreachMode: "parallel", concurency}, position}`.
 * Note the misspelt `concurency`: it is the name Texter's data uses, so it is kept as is.
 * **Unverified:** Texter's reference shows only the `loop` key; the inner shape comes from its
 * marketplace scenarios, and the types and meaning of the fields are read from their use.
 */
export type ScenarioLoop = components["schemas"]["ScenarioLoop"];
/**
 * Execution options of a scenario.
 */
export type ScenarioOptions = components["schemas"]["ScenarioOptions"];
/**
 * One published version of a scenario: what triggers it (`triggerEvents`), which loaders fetch
 * data, which conditions must hold (`conditions`: OR across groups, AND inside a group) and which
 * actions run. A scenario has at most one active revision; older or paused ones are inactive.
 * Times in `metadata` are epoch milliseconds, the unit Texter's own object example uses.
 */
export type ScenarioRevision = components["schemas"]["ScenarioRevision"];
/**
 * Work in progress on a scenario: the same building blocks as a revision, edited with Update
 * Draft, but with `status` `draft`, no `version`, and metadata limited to the author and the
 * creation and modification times (epoch milliseconds, as on revisions). **Unverified:** the
 * reference describes a draft only by its differences from a revision; the list of fields below
 * is inferred from ScenarioRevision.
 */
export type ScenarioDraft = components["schemas"]["ScenarioDraft"];
/**
 * A scenario: an automation that runs when one of its trigger events fires. A webhook
 * subscription is a scenario imported from one of Texter's ready-made templates whose action
 * POSTs the event to your URL. A scenario keeps its history as revisions: at most one active
 * revision, any number of inactive ones, and unpublished drafts. A paused (inactivated) scenario
 * has no `activeRevision`.
 */
export type Scenario = components["schemas"]["Scenario"];
/**
 * The project's scenarios (webhook subscriptions included) and their count.
 */
export type ScenarioList = components["schemas"]["ScenarioList"];
/**
 * Body of Create Empty Scenario: the single trigger event of the new draft, plus an optional name
 * and author. **Unverified:** the reference describes these inputs in prose only; the field names
 * `triggerEvent` and `name` are chosen, so the object stays open for fields Texter may expect
 * instead.
 */
export type CreateEmptyScenarioRequest = components["schemas"]["CreateEmptyScenarioRequest"];
/**
 * A scenario in Texter's portable import format, version `v1` or `v1.1`: the `data` of an
 * Import Subscription body. Texter's ready-made webhook templates are in this format; for a
 * subscription you change only the `request` action's `url` (`{{yourWebhookURL}}`) and, where the
 * template has them, the placeholders in its conditions (`{{word1}}`, `{{word2}}`,
 * `{{targetLabelId}}`).
 * The object stays open because Texter documents the format only through its templates.
 * **Unverified:** which fields are required, and which other fields (such as tags) the format
 * accepts, is not documented; the required list below is what every template carries that a
 * scenario cannot do without, and `loops` comes from Texter's own `v1.1` marketplace scenarios.
 */
export type ScenarioTemplate = components["schemas"]["ScenarioTemplate"];
/**
 * Body of Import Subscription: a scenario template and the status the new scenario starts in.
 */
export type ImportSubscriptionRequest = components["schemas"]["ImportSubscriptionRequest"];
/**
 * Optional body of Activate Subscription. Without it the paused scenario resumes; with
 * `version`, that stored revision becomes the active one (a revert). **Unverified:** the
 * reference names the revert feature but not its field; `version` is chosen after the revision
 * field of the same name. The object stays open because further fields (such as `authorUid`) may
 * exist.
 */
export type ActivateSubscriptionRequest = components["schemas"]["ActivateSubscriptionRequest"];
/**
 * What happened in one step of a scenario run. Which fields appear depends on `type`: condition
 * steps report `result` with their `groupIndex` and `index`, loader steps their `position` and
 * `index`, action steps their `index` and `output`, loop steps their `iterations`.
 */
export type ScenarioRunStep = components["schemas"]["ScenarioRunStep"];
/**
 * One execution of a scenario, recorded for debugging subscriptions: whether the trigger event
 * fired, whether the conditions let it through and whether the actions (your webhook call)
 * worked.
 */
export type ScenarioRun = components["schemas"]["ScenarioRun"];
/**
 * One page of a scenario's runs. **Unverified:** the reference names only the Scenario Run
 * objects; the `{total, runs}` wrapper follows Texter's other list answers.
 */
export type ScenarioRunList = components["schemas"]["ScenarioRunList"];
/**
 * Body of Copy Scenario: which revision of the source scenario to copy and the name of the new
 * scenario. **Unverified:** the reference lists both fields but does not say whether they are
 * required; both are treated as required.
 */
export type CopyScenarioRequest = components["schemas"]["CopyScenarioRequest"];
/**
 * One edit of a scenario draft: an object with exactly one key, the name of the edit. Trigger
 * events are added or removed by name; loaders by phase (`position`) and index; conditions by
 * group index and index; actions by index; loops by position. `rename` sets the name and
 * `setUnorderedActions` the `options.unorderedActions` flag. Texter's List Components endpoint
 * (not documented) tells which component names and params are valid.
 */
export type ScenarioDraftOperation = components["schemas"]["ScenarioDraftOperation"];
/**
 * Body of Update Draft: a list of edits applied to the scenario's draft in order. Each item has
 * exactly one key (see ScenarioDraftOperation).
 */
export type UpdateDraftRequest = components["schemas"]["UpdateDraftRequest"];
/**
 * Payload of the message events (`newMessage`, `newIncomingMessage`, `newMatchedMessage`,
 * `newMediaMessage`): the message that was created and the chat it belongs to. The chat is loaded
 * by the subscription (a `chat` loader keyed on the message's `parent_chat`) when it runs. System
 * messages (`systemMessage: true`) never produce these events.
 */
export type MessageEventData = components["schemas"]["MessageEventData"];
/**
 * Envelope Texter POSTs to your URL when a message was stored in a chat (incoming or outgoing)
 * (event `newMessage`).
 */
export type NewMessageEvent = components["schemas"]["NewMessageEvent"];
/**
 * Envelope Texter POSTs to your URL when a contact sent a message (event `newIncomingMessage`).
 */
export type NewIncomingMessageEvent = components["schemas"]["NewIncomingMessageEvent"];
/**
 * Envelope Texter POSTs to your URL when a contact sent a message whose text matches the
 * subscription's keywords (event `newMatchedMessage`).
 */
export type NewMatchedMessageEvent = components["schemas"]["NewMatchedMessageEvent"];
/**
 * Envelope Texter POSTs to your URL when a contact sent a media message (event `newMediaMessage`).
 */
export type NewMediaMessageEvent = components["schemas"]["NewMediaMessageEvent"];
/**
 * Payload of the delivery-status events `messageStatusChanged` and `messageFailed`, built from the
 * status report the channel provider sent for an outgoing message. It carries no internal message
 * `_id`: to find the message, match the entries of `externalId` against `channelInfo.id` of the
 * chat's messages (Get Messages of a Chat). `messageStatus` is sent by `messageStatusChanged`
 * only; `messageFailed` leaves it out (its condition already limits it to statuses 4 and 5).
 */
export type MessageStatusEventData = components["schemas"]["MessageStatusEventData"];
/**
 * Envelope Texter POSTs to your URL when an outgoing message failed to deliver (status 4 or 5)
 * (event `messageFailed`).
 */
export type MessageFailedEvent = components["schemas"]["MessageFailedEvent"];
/**
 * Envelope Texter POSTs to your URL when an outgoing message changed delivery status (event
 * `messageStatusChanged`).
 */
export type MessageStatusChangedEvent = components["schemas"]["MessageStatusChangedEvent"];
/**
 * Payload of the chat events that carry only the chat (`chatUnsubscribed`, `chatSubscribed`,
 * `chatPending`, `chatResolved`, `chatResolvedByAgent`, `chatResolvedByBot`, `externalBotEnabled`,
 * `externalBotDisabled`).
 */
export type ChatEventData = components["schemas"]["ChatEventData"];
/**
 * Envelope Texter POSTs to your URL when a chat opted out of template messages (event
 * `chatUnsubscribed`).
 */
export type ChatUnsubscribedEvent = components["schemas"]["ChatUnsubscribedEvent"];
/**
 * Envelope Texter POSTs to your URL when a chat opted back in to template messages (event
 * `chatSubscribed`).
 */
export type ChatSubscribedEvent = components["schemas"]["ChatSubscribedEvent"];
/**
 * A narrowed profile of the Texter user who took a chat, as the `chatAssigned` subscription
 * template builds it from the agent record (`_id` → `id`, `crmId`, `email`, `displayName`,
 * `roles`). The field types are not documented (see each field).
 */
export type WebhookAgent = components["schemas"]["WebhookAgent"];
/**
 * Payload of `chatAssigned`: the chat that was taken and the agent who took it.
 */
export type ChatAssignedEventData = components["schemas"]["ChatAssignedEventData"];
/**
 * Envelope Texter POSTs to your URL when an agent took a chat (event `chatAssigned`).
 */
export type ChatAssignedEvent = components["schemas"]["ChatAssignedEvent"];
/**
 * Envelope Texter POSTs to your URL when a chat moved to PENDING (event `chatPending`).
 */
export type ChatPendingEvent = components["schemas"]["ChatPendingEvent"];
/**
 * Envelope Texter POSTs to your URL when a chat was resolved (event `chatResolved`).
 */
export type ChatResolvedEvent = components["schemas"]["ChatResolvedEvent"];
/**
 * Envelope Texter POSTs to your URL when a chat was resolved by a human agent (event
 * `chatResolvedByAgent`).
 */
export type ChatResolvedByAgentEvent = components["schemas"]["ChatResolvedByAgentEvent"];
/**
 * Envelope Texter POSTs to your URL when a chat was resolved with no agent assigned (by the bot)
 * (event `chatResolvedByBot`).
 */
export type ChatResolvedByBotEvent = components["schemas"]["ChatResolvedByBotEvent"];
/**
 * Payload of the label events `chatLabelsUpdated` and `chatSpecificLabelAdded`: the chat with its
 * new `labels`, the label set before the change, and the change itself split into added and
 * removed label ids.
 */
export type ChatLabelsEventData = components["schemas"]["ChatLabelsEventData"];
/**
 * Envelope Texter POSTs to your URL when a chat's labels changed (event `chatLabelsUpdated`).
 */
export type ChatLabelsUpdatedEvent = components["schemas"]["ChatLabelsUpdatedEvent"];
/**
 * Envelope Texter POSTs to your URL when the subscription's target label was added to a chat
 * (event `chatSpecificLabelAdded`).
 */
export type ChatSpecificLabelAddedEvent = components["schemas"]["ChatSpecificLabelAddedEvent"];
/**
 * Envelope Texter POSTs to your URL when a chat was handed to an external bot (`externalBot`
 * became `true`) (event `externalBotEnabled`).
 */
export type ExternalBotEnabledEvent = components["schemas"]["ExternalBotEnabledEvent"];
/**
 * Envelope Texter POSTs to your URL when a chat was taken back from an external bot (`externalBot`
 * became `false`) (event `externalBotDisabled`).
 */
export type ExternalBotDisabledEvent = components["schemas"]["ExternalBotDisabledEvent"];
/**
 * Payload of the channel-health events `channelHealthProblemCreated` and
 * `channelHealthProblemResolved`.
 */
export type ProblemEventData = components["schemas"]["ProblemEventData"];
/**
 * Envelope Texter POSTs to your URL when a channel health problem was detected (event
 * `channelHealthProblemCreated`).
 */
export type ChannelHealthProblemCreatedEvent = components["schemas"]["ChannelHealthProblemCreatedEvent"];
/**
 * Envelope Texter POSTs to your URL when a channel health problem was resolved (event
 * `channelHealthProblemResolved`).
 */
export type ChannelHealthProblemResolvedEvent = components["schemas"]["ChannelHealthProblemResolvedEvent"];

/** Every webhook envelope Texter can POST to a subscriber, discriminated by `eventName`. */
export type WebhookEvent =
  | NewMessageEvent
  | NewIncomingMessageEvent
  | NewMatchedMessageEvent
  | NewMediaMessageEvent
  | MessageFailedEvent
  | MessageStatusChangedEvent
  | ChatUnsubscribedEvent
  | ChatSubscribedEvent
  | ChatAssignedEvent
  | ChatPendingEvent
  | ChatResolvedEvent
  | ChatResolvedByAgentEvent
  | ChatResolvedByBotEvent
  | ChatLabelsUpdatedEvent
  | ChatSpecificLabelAddedEvent
  | ExternalBotEnabledEvent
  | ExternalBotDisabledEvent
  | ChannelHealthProblemCreatedEvent
  | ChannelHealthProblemResolvedEvent;
/** The `eventName` of every webhook. */
export type WebhookEventName = WebhookEvent["eventName"];
/** The envelope of one webhook event. */
export type WebhookEventOf<N extends WebhookEventName> = Extract<WebhookEvent, { eventName: N }>;

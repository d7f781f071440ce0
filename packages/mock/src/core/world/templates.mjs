// WhatsApp templates: create, update, delete, localization drafts, submit for approval, and the
// list with its filters. Templates are keyed by channel account and name, as in their paths.
import { copy, invalid, iso, json, notFound, ok } from "./answers.mjs";

const key = (accountId, name) => `${accountId}\n${name}`;
const OPTIONAL = ["isDefault", "departments", "setBotNode", "responsibleAgent", "responsibleDepartment", "replyText"];

/** @type {Record<string, import("../world.mjs").Handler>} */
export const templateHandlers = {
  listTemplates({ state }, { query }) {
    let items = [...state.templates.values()];
    if (query.get("includeAll") !== "true") items = items.filter((t) => localizations(t).some((l) => l.status === "APPROVED"));
    if (query.has("accountId")) items = items.filter((t) => t.channelInfo?.accountId === query.get("accountId"));
    if (query.has("hasHeader")) {
      const wanted = query.get("hasHeader") === "true";
      items = items.filter((t) => localizations(t).some((l) => (l.components ?? []).some((c) => c.type === "HEADER")) === wanted);
    }
    return json(items);
  },
  createTemplate({ state, clock, newId, accounts }, { pathParams: { accountId }, body }) {
    if (!accounts().has(accountId)) return notFound(`Channel account ${JSON.stringify(accountId)}`);
    const name = body.name ?? `${body.usage}_${body.category.toLowerCase()}_${state.templates.size + 1}`;
    if (state.templates.has(key(accountId, name))) return invalid(`A template named ${JSON.stringify(name)} already exists on account ${accountId}`);
    const now = clock.now();
    const template = {
      _id: newId(),
      name,
      title: body.title,
      usage: body.usage,
      chatStatus: body.chatStatus,
      created: now,
      updatedAt: iso(now),
      departments: [],
      isDefault: false,
      channelInfo: { name: "whatsapp", accountId },
      provider_template: { name, category: body.category, localizations: [], metadata: {} },
      defaults: {},
      localizationDrafts: {},
    };
    for (const field of OPTIONAL) if (body[field] !== undefined) template[field] = copy(body[field]);
    state.templates.set(key(accountId, name), template);
    return json(template);
  },
  updateTemplate({ state, clock }, { pathParams, body }) {
    const template = find(state, pathParams);
    if (!template) return missing(pathParams);
    for (const field of ["title", "chatStatus", "usage", ...OPTIONAL]) if (body[field] !== undefined) template[field] = copy(body[field]);
    // A responsible agent and a responsible department exclude each other: the newer one wins.
    if (body.responsibleAgent !== undefined) delete template.responsibleDepartment;
    if (body.responsibleDepartment !== undefined) delete template.responsibleAgent;
    template.updatedAt = iso(clock.now());
    return json(template);
  },
  deleteTemplate({ state }, { pathParams }) {
    if (!state.templates.delete(key(pathParams.accountId, pathParams.templateName))) return missing(pathParams);
    return ok();
  },
  upsertTemplateLocalization({ state, clock }, { pathParams, body }) {
    const template = find(state, pathParams);
    if (!template) return missing(pathParams);
    template.localizationDrafts ??= {};
    template.localizationDrafts[body.language] = { language: body.language, components: copy(body.components) };
    if (body.defaults) (template.defaults ??= {})[body.language] = copy(body.defaults);
    template.updatedAt = iso(clock.now());
    return json(template);
  },
  submitTemplateForApproval({ state, clock }, { pathParams }) {
    const template = find(state, pathParams);
    if (!template) return missing(pathParams);
    const draft = template.localizationDrafts?.[pathParams.language];
    if (!draft) return notFound(`A ${JSON.stringify(pathParams.language)} localization draft of template ${JSON.stringify(pathParams.templateName)}`);
    const now = iso(clock.now());
    const submitted = { language: draft.language, status: "REQUESTED", rejectionReason: "NONE", components: draft.components, createdAt: now, lastUpdated: now };
    template.provider_template ??= { name: template.name, localizations: [], metadata: {} };
    template.provider_template.localizations = [...localizations(template).filter((l) => l.language !== draft.language), submitted];
    delete template.localizationDrafts[pathParams.language];
    template.updatedAt = now;
    return json(template);
  },
};

const localizations = (template) => template.provider_template?.localizations ?? [];
const find = (state, { accountId, templateName }) => state.templates.get(key(accountId, templateName));
const missing = ({ accountId, templateName }) => notFound(`Template ${JSON.stringify(templateName)} on account ${JSON.stringify(accountId)}`);

/** The key under which the seed's templates are stored. */
export const templateKey = (template) => key(template.channelInfo?.accountId ?? "", template.name);

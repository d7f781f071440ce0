// Labels: create, read, update, delete and list with skip/limit. System labels cannot be created
// or deleted; their name and color can be changed (as the contract says).
import { invalid, json, notFound, ok, page } from "./answers.mjs";

/** @type {Record<string, import("../world.mjs").Handler>} */
export const labelHandlers = {
  listLabels({ state }, { query }) {
    const labels = [...state.labels.values()];
    return json({ total: labels.length, labels: page(labels, query) });
  },
  createLabel({ state }, { body }) {
    if (state.labels.has(body.id)) return invalid(`A label with id ${JSON.stringify(body.id)} already exists`);
    const label = { id: body.id, name: body.name, color: body.color ?? "#555555" };
    state.labels.set(label.id, label);
    return json(label);
  },
  getLabel({ state }, { pathParams }) {
    const label = state.labels.get(pathParams.labelId);
    return label ? json(label) : notFound(`Label ${JSON.stringify(pathParams.labelId)}`);
  },
  updateLabel({ state }, { pathParams, body }) {
    const label = state.labels.get(pathParams.labelId);
    if (!label) return notFound(`Label ${JSON.stringify(pathParams.labelId)}`);
    if (body.name !== undefined) label.name = body.name;
    if (body.color !== undefined) label.color = body.color;
    return ok();
  },
  deleteLabel({ state }, { pathParams }) {
    const label = state.labels.get(pathParams.labelId);
    if (!label) return notFound(`Label ${JSON.stringify(pathParams.labelId)}`);
    if (label.system) return invalid(`Label ${JSON.stringify(label.id)} is a system label; system labels cannot be deleted`);
    state.labels.delete(label.id);
    return ok();
  },
};

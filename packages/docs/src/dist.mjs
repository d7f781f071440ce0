// Where the built artefacts are: packages/docs/dist.
import { fileURLToPath } from "node:url";

export const distDir = fileURLToPath(new URL("../dist", import.meta.url));
export const DOCS_PAGE = "index.html";
export const COLLECTION_FILE = "texter-api.postman_collection.json";

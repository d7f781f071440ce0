// Generated from @texterchat/openapi 0.2.0 by packages/types/scripts/generate.mjs. Do not edit.
export type * from "./index.js";

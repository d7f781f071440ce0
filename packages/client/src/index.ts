export { createTexterClient, type TexterClient, type TexterClientOptions, type TexterMethod, type TexterResponse } from "./client.js";
export { TexterError, type TexterErrorCode } from "./errors.js";
export type { FetchLike, RetryOptions } from "./transport.js";
export {
  iterateChatMessages,
  paginate,
  type ChatMessagesOptions,
  type PaginateOptions,
  type SkipLimitItems,
  type SkipLimitPath,
} from "./pagination.js";
export type * from "@texterchat/api-types";

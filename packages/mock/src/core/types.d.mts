// Types for the programmatic sandbox API, built on @texterchat/api-types: a stub's body is the
// body the contract declares for its operation and status, so a wrong stub fails to compile, and
// the journal's entries carry the request body type of their operation.
import type { operations } from "@texterchat/api-types";

/** Every operationId of the contract. */
export type OperationId = keyof operations;

type Responses<Id extends OperationId> = operations[Id]["responses"];

/** Error statuses a `default` response covers. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;

/** The statuses a stub of this operation may answer: the declared ones, and error statuses when it has a `default` response. */
export type StubStatus<Id extends OperationId> =
  | Exclude<keyof Responses<Id>, "default">
  | ("default" extends keyof Responses<Id> ? ErrorStatus : never);

type ResponseAt<Id extends OperationId, S> = S extends keyof Responses<Id> ? Responses<Id>[S] : Responses<Id>["default" & keyof Responses<Id>];

type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

/** The body the contract declares for this operation and status (`operations[Id]["responses"][S]["content"][mediaType]`). */
export type StubBody<Id extends OperationId, S extends StubStatus<Id>> = ContentOf<ResponseAt<Id, S>>;

type DeepPartial<T> = T extends readonly (infer U)[] ? readonly DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

type RequestBodyOf<Id extends OperationId> = operations[Id] extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: infer C }
    ? C[keyof C]
    : never
  : never;

type PathParamsOf<Id extends OperationId> = operations[Id]["parameters"] extends { path: infer P } ? P : never;

/** Which requests a stub answers: subsets of their path parameters, query and body. */
export interface StubMatchFor<Id extends OperationId> {
  path?: Partial<PathParamsOf<Id>>;
  query?: Record<string, string | readonly string[]>;
  body?: DeepPartial<RequestBodyOf<Id>>;
}

/** A stub of one operation, typed by the contract. */
export interface TypedStub<Id extends OperationId, S extends StubStatus<Id>> {
  match?: StubMatchFor<Id>;
  response: { status: S; body: StubBody<Id, S>; headers?: Record<string, string> };
  /** Uses before the stub expires; for good when omitted. */
  times?: number;
}

/** A stub as stored (and listed by `GET /__admin/stubs`). */
export interface Stub {
  id: string;
  operationId: OperationId;
  match: { path?: Record<string, string>; query?: Record<string, string | string[]>; body?: unknown };
  response: { status: number; body?: unknown; headers?: Record<string, string> };
  times?: number;
}

/**
 * `mock.stub(operationId, stub)`: adds a stub checked against the contract, at compile time by
 * these types and at run time by the mock (which rejects it with every violation).
 */
export type StubFunction = <Id extends OperationId, S extends StubStatus<Id>>(operationId: Id, stub: TypedStub<Id, S>) => Promise<Stub>;

/** A journal entry of a request to one operation, its body typed by the contract. */
export interface RequestEntry<Id extends OperationId = OperationId> {
  id: number;
  time: string;
  kind: "request";
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Request headers; Authorization is masked (`Bearer ***`). */
  headers: Record<string, string | string[]>;
  body: RequestBodyOf<Id> | undefined;
  operationId: Id;
  status: number;
  violations: { location: string; path: string; message: string }[];
}

/** A journal entry of one webhook delivery attempt. */
export interface WebhookEntry {
  id: number;
  time: string;
  kind: "webhook";
  url: string;
  eventName: string;
  scenarioId?: string;
  /** 1 for the first attempt; 0 when the event was not sent at all (see `error`). */
  attempt: number;
  /** The receiver's HTTP status. */
  status?: number;
  /** Why the attempt failed (network error, timeout) or why nothing was sent. */
  error?: string;
  /** No further attempt follows. */
  final: boolean;
}

/** `mock.requests({ operationId })`: the journal's entries of that operation, bodies typed. */
export type RequestsFunction = <Id extends OperationId>(filter: { operationId: Id; since?: string | number }) => Promise<RequestEntry<Id>[]>;

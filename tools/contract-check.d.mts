/** A response as the check sees it. `path` is the operation's path template (`/labels/{labelId}`). */
export interface CheckedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: string;
}

export declare class ContractCheck {
  /** Every way the response breaks the contract, one readable line each ([] when it keeps it). */
  check(response: CheckedResponse): string[];
}

/** Builds the check for a bundled OpenAPI 3.1 document. */
export declare function createContractCheck(doc: unknown): ContractCheck;

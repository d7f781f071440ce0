/** Options of {@link serveDocs}. */
export interface ServeDocsOptions {
  /** Address to listen on. Default `"127.0.0.1"`. */
  host?: string;
  /** Port to listen on; `0` (the default) picks a free one. */
  port?: number;
}

/** A running docs server. */
export interface DocsServer {
  /** The page's URL, e.g. `http://127.0.0.1:8080/`; the collection is `${url}texter-api.postman_collection.json`. */
  url: string;
  /** Stops listening. */
  close(): Promise<void>;
}

/** Serves the built docs page at `/` and the Postman collection by its file name; anything else is 404. */
export declare function serveDocs(options?: ServeDocsOptions): Promise<DocsServer>;

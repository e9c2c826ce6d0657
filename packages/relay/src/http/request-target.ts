/** The path and query of a request, split from `req.url` (origin-form: `/path?query`). */
export interface RequestTarget {
  readonly pathname: string;
  /** Without the leading `?`; empty when there is none. */
  readonly search: string;
}

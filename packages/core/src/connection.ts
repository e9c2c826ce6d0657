/** How the client proves who it is to WHMCS. */
export type WhmcsAuth =
  | { kind: 'api-credential'; identifier: string; secret: string }
  /** Legacy admin login: a plain-text password is MD5-hashed by the client; a 32-hex-digit one is sent as is. */
  | { kind: 'admin-login'; username: string; password: string };

/** Where WHMCS lives and how to log in. */
export interface WhmcsConnection {
  /** Base URL, sub-folder URL, or the full `.../includes/api.php` URL. */
  url: string;
  auth: WhmcsAuth;
  /** `$api_access_key` from WHMCS's configuration.php: bypasses the API IP allow-list. */
  accessKey?: string;
  /** WHMCS's (renameable) admin folder, used for "open in browser" links; default `admin`. */
  adminFolder?: string;
}

/** The optional flags of GetTicketCounts. */
export interface TicketCountsRequest {
  /** Count all departments instead of the API admin's assigned ones. */
  ignoreDepartmentAssignments?: boolean;
  /** Add per-status counts (`status`). */
  includeCountsByStatus?: boolean;
}

/** Flags shared by every command that talks to a real WHMCS (`get`, `serve`). */
export const connectionOptions = {
  url: { type: 'string' },
  identifier: { type: 'string' },
  'admin-username': { type: 'string' },
  'secret-file': { type: 'string' },
  'access-key': { type: 'string' },
  'admin-folder': { type: 'string' },
  'ca-file': { type: 'string' },
  timeout: { type: 'string' },
  'ignore-department-assignments': { type: 'boolean' },
  // parseArgs on Node 20 has no negation support, so the negative form is its own flag.
  'no-status': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ConnectionFlags {
  url?: string | undefined;
  identifier?: string | undefined;
  'admin-username'?: string | undefined;
  'secret-file'?: string | undefined;
  'access-key'?: string | undefined;
  'admin-folder'?: string | undefined;
}

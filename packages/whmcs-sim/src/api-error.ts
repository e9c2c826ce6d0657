/** An error WHMCS answers with `{"result":"error","message":...}` on the given HTTP status. */
export interface ApiError {
  status: number;
  message: string;
}

export const apiErrors = {
  ipBanned: { status: 403, message: 'IP Banned' },
  invalidIp: (ip: string) => ({ status: 403, message: `Invalid IP ${ip}` }),
  invalidAccessKey: { status: 403, message: 'Invalid Access Key' },
  authenticationFailed: { status: 403, message: 'Authentication Failed' },
  invalidOrMissingCredentials: { status: 403, message: 'Invalid or missing credentials' },
  invalidPassword: { status: 403, message: 'Invalid password provided' },
  accessDenied: { status: 403, message: 'Access Denied' },
  notAllowed: (action: string) => ({
    status: 403,
    message: `Invalid Permissions: API action "${action}" is not allowed`,
  }),
  emptyAction: { status: 400, message: 'Empty action request' },
  commandNotFound: { status: 200, message: 'Command Not Found' },
  licence: (message: string) => ({ status: 200, message }),
} satisfies Record<string, ApiError | ((...args: string[]) => ApiError)>;

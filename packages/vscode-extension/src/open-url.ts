import * as vscode from 'vscode';

/**
 * Opens an admin-area link in the browser exactly as built. Given a `Uri`, VS Code opens
 * `encodeURI(uri.toString(true))`: the query is decoded and re-encoded, so a status title's `%26`
 * (`Billing & Sales`) becomes a bare `&` and WHMCS reads `view=Billing ` (microsoft/vscode#135949,
 * #85930). The extension host accepts the address as a string and passes it through unchanged;
 * the typings only know `Uri`.
 */
export function openUrl(url: string): Thenable<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}

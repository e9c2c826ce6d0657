/**
 * How plain modules localize: the VS Code glue passes `vscode.l10n.t`, unit tests pass
 * {@link formatMessage}. Keeping `vscode` out of these modules lets them run under plain vitest.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Fills `{0}`, `{1}`… like `vscode.l10n.t` does for the default (English) bundle. */
export const formatMessage: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

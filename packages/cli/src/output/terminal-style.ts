/** The few text styles the table uses; all identity functions when colour is off. */
export interface TerminalStyle {
  bold(text: string): string;
  dim(text: string): string;
  attention(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

const colourStyle: TerminalStyle = { bold: sgr(1, 22), dim: sgr(2, 22), attention: sgr(33, 39) };
const plainStyle: TerminalStyle = { bold: (t) => t, dim: (t) => t, attention: (t) => t };

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export function chooseStyle(
  isTty: boolean,
  env: Readonly<Record<string, string | undefined>>,
): TerminalStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return isTty && !noColor && env.TERM !== 'dumb' ? colourStyle : plainStyle;
}

export const plainTextStyle = plainStyle;

/**
 * The message of an error in WHMCS's old name=value format (`result=error;message=…;`), which it
 * answers when the `responsetype` field did not arrive. Undefined for anything else. WHMCS's
 * messages hold no `;`, and PHP notices may surround the text, so the message ends at the first
 * `;`, line break or tag.
 */
export function nvpErrorMessage(body: string): string | undefined {
  return /(?:^|[\s>;\uFEFF])result=error;message=([^;\r\n<]*)/.exec(body)?.[1];
}

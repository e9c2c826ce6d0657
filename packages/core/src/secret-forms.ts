/**
 * Every form in which a server may echo a secret it was sent: verbatim, form- or URL-encoded (as
 * we send it, or as PHP's urlencode/rawurlencode write it), escaped inside a JSON string (also
 * PHP's `\/` and `\u00e9`), and HTML-escaped in an error page — in each common quote style.
 */
export function secretForms(secret: string): Set<string> {
  const forms = new Set<string>();
  if (!secret) return forms;
  for (const text of jsonForms(secret)) {
    for (const form of htmlForms(text)) forms.add(form);
  }
  for (const form of urlForms(secret)) forms.add(form);
  return forms;
}

function jsonForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const slashes = json.replace(/\//g, '\\/');
  return [secret, json, slashes, unicodeEscaped(json), unicodeEscaped(slashes)];
}

// PHP's json_encode writes every UTF-16 unit outside printable ASCII as \uXXXX (lower-case hex) by default.
function unicodeEscaped(json: string): string {
  return json.replace(
    /[^ -~]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const APOSTROPHES = ["'", '&#39;', '&#039;', '&#x27;', '&apos;'];
const QUOTES = ['"', '&quot;'];

function htmlForms(text: string): string[] {
  if (!/[&<>"']/.test(text)) return [text];
  const base = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const forms = [text];
  for (const quote of QUOTES) {
    for (const apostrophe of APOSTROPHES) {
      forms.push(base.replace(/"/g, quote).replace(/'/g, apostrophe));
    }
  }
  return forms;
}

function urlForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  // rawurlencode (RFC 3986) also encodes ! ' ( ) *; urlencode and URLSearchParams also ~.
  const raw = component.replace(/[!'()*]/g, percentEncode);
  const strict = raw.replace(/~/g, percentEncode);
  const forms = [component, raw, strict].flatMap((form) => [form, form.replace(/%20/g, '+')]);
  return forms.flatMap((form) => [form, form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())]);
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

let decoder: HTMLTextAreaElement | undefined;

/**
 * Decodes the HTML entities WHMCS stores in status titles (`Billing &amp; Sales`), once, for
 * display as text. core/browser's `decodeHtmlEntities` carries its own entity table (~1.2 KB
 * minified, a tenth of this bundle's 5 KB budget); the browser already has the full table, so the
 * element lets a detached <textarea> parse the title. A textarea's content is RCDATA: tags in it stay
 * text and nothing loads or runs. The browser also knows the entities core leaves alone (all of
 * HTML's, and the legacy ones without `;`): WHMCS's htmlentities() output decodes the same.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  decoder ??= document.createElement('textarea');
  decoder.innerHTML = text;
  return decoder.value;
}

// Latin-1 names in code-point order from U+00A0: what PHP's htmlentities() produces for them.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

let named: Map<string, string> | undefined;

function namedEntities(): Map<string, string> {
  if (named) return named;
  named = new Map([
    ['amp', '&'],
    ['lt', '<'],
    ['gt', '>'],
    ['quot', '"'],
    ['apos', "'"],
    ['ndash', '\u2013'],
    ['mdash', '\u2014'],
    ['lsquo', '\u2018'],
    ['rsquo', '\u2019'],
    ['ldquo', '\u201c'],
    ['rdquo', '\u201d'],
    ['hellip', '\u2026'],
    ['euro', '\u20ac'],
    ['trade', '\u2122'],
  ]);
  LATIN1.split(' ').forEach((name, index) => {
    named?.set(name, String.fromCharCode(0xa0 + index));
  });
  return named;
}

/**
 * Decodes the HTML entities WHMCS stores in admin input (`A &amp; B` → `A & B`), once: for display
 * as text, never for inserting as HTML. Unknown or invalid entities stay as they are.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g,
    (entity, body: string) => {
      if (body.startsWith('#')) {
        const hex = body[1] === 'x' || body[1] === 'X';
        const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
        const valid =
          codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
        return valid ? String.fromCodePoint(codePoint) : entity;
      }
      return namedEntities().get(body) ?? entity;
    },
  );
}

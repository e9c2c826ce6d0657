/**
 * A sentence in our own words with holes for text from outside (a server's message, a location,
 * a host name). Only the holes are ever redacted: redacting our own words with a short secret
 * ("e", "check") would rewrite them and spell the secret out.
 */
export class Wording {
  readonly #strings: readonly string[];
  readonly #holes: readonly string[];

  private constructor(strings: readonly string[], holes: readonly string[]) {
    this.#strings = strings;
    this.#holes = holes;
  }

  /** Interpolated strings become holes; interpolated Wordings are spliced in as our own words. */
  static fromTemplate(strings: readonly string[], values: readonly unknown[]): Wording {
    const parts: string[] = [];
    const holes: string[] = [];
    // The words since the last hole; pushed to `parts` whenever a hole follows.
    let words = strings[0] ?? '';
    values.forEach((value, index) => {
      if (value instanceof Wording) {
        value.#holes.forEach((hole, at) => {
          parts.push(words + (at === 0 ? (value.#strings[0] ?? '') : ''));
          holes.push(hole);
          words = value.#strings[at + 1] ?? '';
        });
        if (value.#holes.length === 0) words += value.#strings[0] ?? '';
      } else {
        parts.push(words);
        holes.push(String(value));
        words = '';
      }
      words += strings[index + 1] ?? '';
    });
    parts.push(words);
    return new Wording(parts, holes);
  }

  /** Text that is all from outside: one hole, none of our words. */
  static outside(text: string): Wording {
    return new Wording(['', ''], [text]);
  }

  /** The same words with `clean` applied to every hole. */
  mapHoles(clean: (text: string) => string): Wording {
    return new Wording(this.#strings, this.#holes.map(clean));
  }

  toString(): string {
    let text = this.#strings[0] ?? '';
    this.#holes.forEach((hole, index) => {
      text += hole + (this.#strings[index + 1] ?? '');
    });
    return text;
  }
}

/** Text we computed ourselves (an option's name, a duration from our settings): no holes. */
export function ownWords(text: string): Wording {
  return Wording.fromTemplate([text], []);
}

/** Tag for our own wording: `wording\`Nothing answered at ${host}; check …\``. */
export function wording(strings: TemplateStringsArray, ...values: unknown[]): Wording {
  return Wording.fromTemplate(strings, values);
}

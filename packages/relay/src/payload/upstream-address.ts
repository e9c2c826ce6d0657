/** Characters that may continue a host name: a match followed by one is a longer, other name. */
const NAME_CONTINUES = '(?![A-Za-z0-9-]|\\.[A-Za-z0-9])';
const NAME_STARTS = '(?<![A-Za-z0-9.-])';
/** Trailing punctuation belongs to the sentence, not to the URL. */
const SENTENCE_PUNCTUATION = /[.,;:!?)\]]+$/;

/**
 * Where WHMCS lives, hidden from viewers: error messages name the server ("Nothing answered at
 * billing.example.com:443"), which helps the admin and tells a page's visitors more than they
 * need. Only address forms are rewritten, so our own words stay intact.
 */
export class UpstreamAddress {
  readonly #replacement: string;
  readonly #urls: RegExp;
  readonly #hostAndPort: RegExp;
  readonly #bareHost: RegExp | undefined;

  private constructor(hostname: string, port: string, replacement: string) {
    this.#replacement = replacement;
    const host = escapeForRegExp(hostname);
    this.#urls = new RegExp(
      `\\b[a-z][a-z0-9+.-]*://(?:[^\\s/?#@]*@)?${host}(?::\\d+)?${NAME_CONTINUES}[^\\s"'<>]*`,
      'gi',
    );
    this.#hostAndPort = new RegExp(`${NAME_STARTS}${host}:${port}(?!\\d)`, 'gi');
    // A single-label name ("server") could be an ordinary word of a sentence; dotted names,
    // IP addresses and localhost cannot.
    this.#bareHost =
      /[.:]/.test(hostname) || hostname === 'localhost'
        ? new RegExp(`${NAME_STARTS}${host}${NAME_CONTINUES}`, 'gi')
        : undefined;
  }

  /** `undefined` when `url` is missing or no http(s) URL. `replacement` is what viewers read. */
  static from(url: string | undefined, replacement = 'WHMCS'): UpstreamAddress | undefined {
    if (url === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
    return new UpstreamAddress(parsed.hostname, port, replacement);
  }

  /**
   * `quoted` is an address WHMCS names in its answer (the IP it refused), which the admin must act
   * on even when WHMCS runs on that same address: it stays wherever it stands alone as a word.
   */
  hide(message: string, quoted?: string): string {
    if (!quoted) return this.#hide(message);
    // Split on it with a capture, so the odd parts are the quoted address itself.
    return message
      .split(standaloneWord(quoted))
      .map((part, index) => (index % 2 === 1 ? part : this.#hide(part)))
      .join('');
  }

  #hide(message: string): string {
    let text = message.replace(this.#urls, (url) => {
      const punctuation = SENTENCE_PUNCTUATION.exec(url)?.[0] ?? '';
      return this.#replacement + punctuation;
    });
    text = text.replace(this.#hostAndPort, this.#replacement);
    if (this.#bareHost) text = text.replace(this.#bareHost, this.#replacement);
    return text;
  }
}

/** After whitespace (or at the start), before whitespace (or the end) and sentence punctuation. */
function standaloneWord(word: string): RegExp {
  return new RegExp(`(?<=^|\\s)(${escapeForRegExp(word)})(?=[.,;:!?)\\]]*(?:\\s|$))`, 'gi');
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

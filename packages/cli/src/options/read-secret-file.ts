import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../usage-error.js';

export interface SecretFromFile {
  readonly value: string;
  /** Set when other users on the machine can read the file. */
  readonly warning?: string;
}

/**
 * Reads a secret (API secret, admin password, relay token) from a file. A byte-order mark and one
 * trailing newline are dropped, because editors and `echo` add them; a UTF-16 byte-order mark
 * (Windows PowerShell 5's `"secret" > file`) decodes the file as UTF-16. Other whitespace around the
 * secret, or a second line, is refused rather than guessed at: WHMCS compares the secret byte for
 * byte, and every wrong guess would count toward an IP ban.
 */
export async function readSecretFile(
  flag: string,
  path: string,
  what: 'secret' | 'token' = 'secret',
): Promise<SecretFromFile> {
  let bytes: Buffer;
  let mode: number;
  try {
    mode = (await stat(path)).mode;
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    // A name that is no file may be the secret itself, pasted where its path belongs: not echoed.
    if (code === 'ENOENT' || code === 'ENAMETOOLONG') {
      throw new UsageError(
        `Cannot read ${flag}: no file has that name (${code}); give the path of a file that holds the ${what}, never the ${what} itself.`,
      );
    }
    throw new UsageError(
      `Cannot read ${flag} ${path} (${code}); check the path and that this user may read it.`,
    );
  }
  const decoded = decodeSecretFile(bytes);
  if ('unreadable' in decoded) {
    throw new UsageError(`${flag} ${path} ${decoded.unreadable}; save it as UTF-8 and try again.`);
  }
  const { text } = decoded;
  const value = text.replace(/^\ufeff/, '').replace(/\r?\n$/, '');
  if (value.trim() === '') {
    throw new UsageError(`${flag} ${path} is empty; put the ${what} on its first line.`);
  }
  if (value !== value.trim() || /[\r\n]/.test(value)) {
    const why = what === 'secret' ? ', because WHMCS counts a wrong one toward an IP ban' : '';
    throw new UsageError(
      `${flag} ${path} holds more than the ${what} (spaces or another line around it); leave the ${what} alone on the first line${why}.`,
    );
  }
  // Warn rather than refuse: on some systems (containers, mounted secrets) the mode is not ours to fix.
  const worldReadable = process.platform !== 'win32' && (mode & 0o004) !== 0;
  return worldReadable
    ? {
        value,
        warning: `${path} is readable by every user on this machine; restrict it with chmod 600 ${path}.`,
      }
    : { value };
}

/**
 * The file's text: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8. Otherwise why
 * it cannot be read: a file with NUL (UTF-16 without a mark, or binary) or in a Windows code page,
 * sent as it is, would spend a failed login.
 */
function decodeSecretFile(bytes: Buffer): { text: string } | { unreadable: string } {
  const notPlainText = { unreadable: 'is not plain text (it holds NUL bytes)' };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      // Fatal: decoded leniently, a Windows code page's "ä" would become U+FFFD.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return bytes.includes(0)
        ? notPlainText
        : { unreadable: 'is not UTF-8 text (a Windows code page, say)' };
    }
  }
  return text.includes('\0') ? notPlainText : { text };
}

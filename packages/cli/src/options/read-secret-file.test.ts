import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.js';
import { UsageError } from '../usage-error.js';
import { readSecretFile } from './read-secret-file.js';

const tempDir = useTempDir();

function secretFile(content: string | Buffer, mode = 0o600): string {
  const path = join(tempDir(), 'secret');
  writeFileSync(path, content, { mode });
  chmodSync(path, mode);
  return path;
}

describe('readSecretFile', () => {
  it('drops a byte-order mark and one trailing newline (LF or CRLF), keeping inner spaces', async () => {
    expect((await readSecretFile('--secret-file', secretFile('s3cret\n'))).value).toBe('s3cret');
    expect((await readSecretFile('--secret-file', secretFile('s3cret\r\n'))).value).toBe('s3cret');
    expect((await readSecretFile('--secret-file', secretFile('\ufeffs3cret\n'))).value).toBe(
      's3cret',
    );
    expect((await readSecretFile('--secret-file', secretFile('pass word'))).value).toBe(
      'pass word',
    );
    expect((await readSecretFile('--secret-file', secretFile('s3cret'))).value).toBe('s3cret');
  });

  it('decodes a file saved as UTF-16 with its byte-order mark (PowerShell 5 `>`), then the usual rules apply', async () => {
    const utf16le = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le');
    const utf16be = (text: string) => utf16le(text).swap16();
    expect((await readSecretFile('--secret-file', secretFile(utf16le('pässwörd')))).value).toBe(
      'pässwörd',
    );
    expect((await readSecretFile('--secret-file', secretFile(utf16le('s3cret\r\n')))).value).toBe(
      's3cret',
    );
    expect((await readSecretFile('--secret-file', secretFile(utf16be('s3cret\n')))).value).toBe(
      's3cret',
    );
    await expect(
      readSecretFile('--secret-file', secretFile(utf16le('s3cret \r\n'))),
    ).rejects.toThrow(/holds more than the secret/);
    await expect(readSecretFile('--secret-file', secretFile(utf16le('\r\n')))).rejects.toThrow(
      /is empty; put the secret on its first line\./,
    );
  });

  it('refuses a file with NUL bytes and no UTF-16 byte-order mark as not plain text', async () => {
    for (const content of [
      Buffer.from('s3cret\n', 'utf16le'),
      Buffer.from('s3cret\0'),
      Buffer.from([0x00, 0x73, 0x00, 0x33]),
    ]) {
      const path = secretFile(content);
      const refusal = readSecretFile('--secret-file', path);
      await expect(refusal).rejects.toThrow(UsageError);
      await expect(readSecretFile('--secret-file', path)).rejects.toThrow(
        `--secret-file ${path} is not plain text (it holds NUL bytes); save it as UTF-8 and try again.`,
      );
    }
    const tokenPath = secretFile(Buffer.from('t0ken', 'utf16le'));
    await expect(readSecretFile('--token-file', tokenPath, 'token')).rejects.toThrow(
      /^--token-file .* is not plain text/,
    );
  });

  // A file saved in a Windows code page ("Pässwort" in Windows-1252): sent with U+FFFD in place of
  // the ä, it would spend a failed login.
  it('refuses a file that is not valid UTF-8, before anything is sent', async () => {
    const path = secretFile(Buffer.from([0x50, 0xe4, 0x73, 0x73, 0x77, 0x6f, 0x72, 0x74, 0x0a]));
    await expect(readSecretFile('--secret-file', path)).rejects.toThrow(
      `--secret-file ${path} is not UTF-8 text (a Windows code page, say); save it as UTF-8 and try again.`,
    );
    // Valid UTF-8 with the same letters is fine.
    expect((await readSecretFile('--secret-file', secretFile('Pässwort\n'))).value).toBe(
      'Pässwort',
    );
  });

  it('refuses whitespace or another line around the secret instead of guessing', async () => {
    for (const content of [' s3cret \n\n', 's3cret \n', 's3cret\n\n', 's3cret\r\n\r\n']) {
      await expect(readSecretFile('--secret-file', secretFile(content))).rejects.toThrow(
        /holds more than the secret .*; leave the secret alone on the first line, because WHMCS counts a wrong one toward an IP ban\.$/,
      );
    }
    await expect(
      readSecretFile('--token-file', secretFile('t0ken\nmore'), 'token'),
    ).rejects.toThrow(/holds more than the token .*; leave the token alone on the first line\.$/);
  });

  it('warns, without refusing, when every user may read the file', async () => {
    const path = secretFile('s3cret\n', 0o644);
    const result = await readSecretFile('--secret-file', path);
    expect(result.value).toBe('s3cret');
    expect(result.warning).toBe(
      `${path} is readable by every user on this machine; restrict it with chmod 600 ${path}.`,
    );
    expect(
      (await readSecretFile('--secret-file', secretFile('s3cret', 0o600))).warning,
    ).toBeUndefined();
  });

  it('refuses an empty file', async () => {
    for (const content of ['\n', '\ufeff', ' \n\n']) {
      await expect(readSecretFile('--secret-file', secretFile(content))).rejects.toThrow(
        /--secret-file .* is empty; put the secret on its first line\./,
      );
    }
  });

  it('calls a relay token a token when its file is empty', async () => {
    await expect(readSecretFile('--token-file', secretFile(''), 'token')).rejects.toThrow(
      /--token-file .* is empty; put the token on its first line\./,
    );
  });

  it('says why it could not read the file, naming it only when it exists', async () => {
    const missing = join(tempDir(), 'missing');
    await expect(readSecretFile('--token-file', missing, 'token')).rejects.toThrow(UsageError);
    await expect(readSecretFile('--token-file', missing, 'token')).rejects.toThrow(
      'Cannot read --token-file: no file has that name (ENOENT); give the path of a file that holds the token, never the token itself.',
    );
    const folder = join(tempDir(), 'folder');
    mkdirSync(folder);
    await expect(readSecretFile('--secret-file', folder)).rejects.toThrow(/\(EISDIR\)/);
  });
});

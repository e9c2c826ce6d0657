import { describe, expect, it } from 'vitest';
import { displayWidth, terminalSafe } from './terminal-text.js';

describe('terminalSafe', () => {
  it('removes C0/C1 controls and bidi overrides, folding line breaks to spaces', () => {
    expect(terminalSafe('a\u001b[31mb\u009bc\u202ed\r\ne\tf')).toBe('a[31mbcd e f');
    expect(terminalSafe('Ünïcødé Статус')).toBe('Ünïcødé Статус');
  });
});

describe('displayWidth', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(displayWidth('😀ab')).toBe(3);
  });
});

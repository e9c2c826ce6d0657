import { describe, expect, it } from 'vitest';
import { displayWidth, terminalSafe } from './terminal-text.js';

describe('terminalSafe', () => {
  it('removes C0/C1 controls and bidi overrides, folding line breaks to spaces', () => {
    expect(terminalSafe('a\u001b[31mb\u009bc\u202ed\r\ne\tf')).toBe('a[31mbcd e f');
    expect(terminalSafe('Ünïcødé Статус')).toBe('Ünïcødé Статус');
  });
});

describe('displayWidth', () => {
  it('counts terminal columns: two for wide characters, none for marks and zero-width ones', () => {
    expect(displayWidth('Open')).toBe(4);
    expect(displayWidth('😀ab')).toBe(4);
    expect(displayWidth('处理中')).toBe(6);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
    expect(displayWidth('상태')).toBe(4);
    expect(displayWidth('Cafe\u0301')).toBe(4);
    expect(displayWidth('\u200bZero')).toBe(4);
    expect(displayWidth('🇩🇪 DE')).toBe(5);
    expect(displayWidth('👩‍💻 Dev')).toBe(6);
    // Text-presentation symbols stay narrow unless asked for as emoji.
    expect(displayWidth('© ✔')).toBe(3);
    expect(displayWidth('✔\ufe0f')).toBe(2);
  });
});

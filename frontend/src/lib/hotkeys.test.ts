import { describe, expect, it } from 'vitest';
import { formatShortcut, isTypingTarget, matchesCombo, parseCombo, type KeyLike } from './hotkeys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('parses modifiers', () => {
    expect(parseCombo('mod+shift+K')).toEqual({ key: 'k', mod: true, alt: false, shift: true });
  });

  it('maps mod to ⌘ on macOS and Ctrl elsewhere', () => {
    expect(matchesCombo(key('k', { metaKey: true }), 'mod+k', true)).toBe(true);
    expect(matchesCombo(key('k', { ctrlKey: true }), 'mod+k', true)).toBe(false);
    expect(matchesCombo(key('k', { ctrlKey: true }), 'mod+k', false)).toBe(true);
    expect(matchesCombo(key('K', { ctrlKey: true, shiftKey: true }), 'mod+k', false)).toBe(true);
  });

  it('does not fire a plain key when a modifier is held', () => {
    expect(matchesCombo(key('k', { ctrlKey: true }), 'k', false)).toBe(false);
    expect(matchesCombo(key('k', { altKey: true }), 'k', false)).toBe(false);
    expect(matchesCombo(key('j'), 'k', false)).toBe(false);
  });

  it('accepts "?" although it needs Shift', () => {
    expect(matchesCombo(key('?', { shiftKey: true }), '?', false)).toBe(true);
    expect(matchesCombo(key('/', {}), 'shift+/', false)).toBe(false);
  });

  it('formats combos and sequences for each platform', () => {
    expect(formatShortcut('mod+k', true)).toBe('⌘K');
    expect(formatShortcut('mod+k', false)).toBe('Ctrl+K');
    expect(formatShortcut('g d', false)).toBe('G then D');
    expect(formatShortcut('enter', false)).toBe('↵');
  });

  it('treats text fields, but not checkboxes, as typing targets', () => {
    const el = (tagName: string, extra: Record<string, unknown> = {}) =>
      ({ tagName, isContentEditable: false, type: 'text', getAttribute: () => null, ...extra }) as unknown as EventTarget;
    expect(isTypingTarget(el('INPUT'))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

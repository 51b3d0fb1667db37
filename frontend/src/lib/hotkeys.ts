// Keyboard shortcuts: "mod+k" (⌘ on macOS, Ctrl elsewhere), "shift+?", single keys ("?") and
// two-key sequences ("g d"). Shortcuts never fire while the user types in a field unless asked.
import { useEffect, useRef } from 'react';

export interface KeyLike {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface ParsedCombo {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

/** "mod+shift+k" → { key: 'k', mod: true, shift: true, alt: false }. */
export function parseCombo(combo: string): ParsedCombo {
  const parts = combo.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  return { key, mod: parts.includes('mod'), alt: parts.includes('alt'), shift: parts.includes('shift') };
}

/**
 * Whether a key event is the combo. Shift is only compared when the combo names it, because
 * printable keys such as "?" already carry it.
 */
export function matchesCombo(event: KeyLike, combo: string, isMac: boolean): boolean {
  const parsed = parseCombo(combo);
  const modPressed = isMac ? event.metaKey : event.ctrlKey;
  if (parsed.mod !== modPressed) return false;
  if (!parsed.mod && (event.metaKey || event.ctrlKey)) return false;
  if (parsed.alt !== event.altKey) return false;
  if (parsed.shift && !event.shiftKey) return false;
  return event.key.toLowerCase() === parsed.key;
}

/** "mod+k" → "⌘K" on macOS, "Ctrl+K" elsewhere; "g d" → "G then D". */
export function formatShortcut(combo: string, isMac: boolean): string {
  const steps = combo.split(' ');
  return steps
    .map((step) => {
      const { key, mod, alt, shift } = parseCombo(step);
      const keyLabel = key.length === 1 ? key.toUpperCase() : key === 'enter' ? '↵' : key === 'escape' ? 'Esc' : key;
      if (isMac) return `${mod ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${keyLabel}`;
      return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', keyLabel].filter(Boolean).join('+');
    })
    .join(' then ');
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** True when the event comes from somewhere the user types text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return el.getAttribute('role') === 'combobox';
}

export interface Hotkey {
  /** "mod+k", "?", "g d" (a sequence: press g, then d within a second). */
  combo: string;
  handler: (event: KeyboardEvent) => void;
  /** Fire even while typing in a field (for mod+ combos such as ⌘K). */
  allowInInputs?: boolean;
}

const SEQUENCE_TIMEOUT_MS = 1000;

/** Binds shortcuts on the window while the calling component is mounted. */
export function useHotkeys(hotkeys: Hotkey[], enabled = true): void {
  const latest = useRef(hotkeys);
  latest.current = hotkeys;
  useEffect(() => {
    if (!enabled) return;
    const isMac = isMacPlatform();
    let pending: { key: string; at: number } | null = null;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const typing = isTypingTarget(event.target);
      for (const hotkey of latest.current) {
        if (typing && !hotkey.allowInInputs) continue;
        const steps = hotkey.combo.split(' ');
        if (steps.length === 2) {
          const [first, second] = steps as [string, string];
          if (pending && pending.key === first && event.timeStamp - pending.at < SEQUENCE_TIMEOUT_MS && matchesCombo(event, second, isMac)) {
            pending = null;
            event.preventDefault();
            hotkey.handler(event);
            return;
          }
        } else if (matchesCombo(event, hotkey.combo, isMac)) {
          pending = null;
          event.preventDefault();
          hotkey.handler(event);
          return;
        }
      }
      pending = typing ? null : { key: event.key.toLowerCase(), at: event.timeStamp };
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

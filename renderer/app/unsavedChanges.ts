import { useEffect, useState } from 'react';
import i18n from '../i18n';

/**
 * Unsaved edits that must not be lost without a word. A form that holds edits calls `useUnsavedChanges(dirty)`;
 * leaving the screen (a tab in the top bar, a link, Back: useRoute asks `confirmDiscard`), switching what the screen
 * edits (the caller asks `confirmDiscard`) or closing the window (the browser's own question) then asks first.
 */
const dirtyForms = new Set<symbol>();

export function useUnsavedChanges(dirty: boolean): void {
  const [id] = useState(() => Symbol('unsaved form'));
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.add(id);
    return () => {
      dirtyForms.delete(id);
    };
  }, [dirty, id]);
}

/**
 * For an editor that saves and then is refreshed from the server: `mark(value)` when it sends a save; while the form
 * still holds exactly what was sent (saving, or saved and waiting for the refreshed data), it is not "unsaved", so
 * leaving right after a save asks nothing. A failed save calls `mark(null)`; an edit after sending counts again.
 */
export function useSentValue(): { sent: string | null; mark: (value: unknown) => void } {
  const [sent, setSent] = useState<string | null>(null);
  return { sent, mark: (value) => setSent(value === null ? null : JSON.stringify(value)) };
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

/** True when there is nothing unsaved or the user agrees to drop it (then nothing counts as unsaved any more). */
export function confirmDiscard(): boolean {
  if (dirtyForms.size === 0) return true;
  if (!window.confirm(i18n.t('common.unsavedConfirm', { count: dirtyForms.size }))) return false;
  dirtyForms.clear();
  return true;
}

window.addEventListener('beforeunload', (e) => {
  if (dirtyForms.size === 0) return;
  e.preventDefault();
  // Chromium still wants returnValue set to show its "leave site?" question.
  e.returnValue = '';
});

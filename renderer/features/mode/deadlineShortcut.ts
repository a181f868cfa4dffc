/**
 * Keyboard way to the deadline board (issue 10): the skip link (first Tab on every screen) and the Alt+J shortcut
 * both land on the most urgent open deadline's 完成 button, on the mode screen. Alt+J: Chromium, Electron and the
 * usual desktops leave it free (Alt+D would take the browser's address bar).
 */
export const FIRST_DONE_ID = 'deadline-first-done';
export const SHORTCUT_LABEL = 'Alt+J';

export function isDeadlineShortcut(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyJ';
}

/** Goes to the mode screen if need be, then focuses the first 完成 once it is drawn (or the board, if none is open). */
export function focusFirstDeadline(): void {
  if (!window.location.hash.startsWith('#/mode')) window.location.hash = '/mode';
  const started = performance.now();
  const attempt = () => {
    const target = document.getElementById(FIRST_DONE_ID) ?? (performance.now() - started > 1500 ? document.querySelector<HTMLElement>('[data-testid="deadline-board"] h2') : null);
    if (target) {
      if (!target.hasAttribute('tabindex') && target.tagName === 'H2') target.setAttribute('tabindex', '-1');
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (performance.now() - started < 3000) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

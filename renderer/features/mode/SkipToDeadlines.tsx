import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useModeStatus } from './queries';
import { focusFirstDeadline, isDeadlineShortcut, SHORTCUT_LABEL } from './deadlineShortcut';

/**
 * In an emergency: the first thing Tab reaches on every screen, "跳到时限 (Alt+J)", shown when focused, and the
 * Alt+J shortcut itself. Both put the focus on the most urgent deadline's 完成, instead of fifteen Tabs through the
 * top bar and the strip.
 */
export function SkipToDeadlines() {
  const { t } = useTranslation();
  const status = useModeStatus();
  const emergency = status.data?.mode === 'emergency';
  useEffect(() => {
    if (!emergency) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isDeadlineShortcut(e)) return;
      e.preventDefault();
      focusFirstDeadline();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [emergency]);
  if (!emergency) return null;
  return (
    <a
      href="#/mode"
      className="skip-link"
      data-testid="skip-to-deadlines"
      onClick={(e) => {
        e.preventDefault();
        focusFirstDeadline();
      }}
    >
      {t('mode.shortcut.skip', { keys: SHORTCUT_LABEL })}
    </a>
  );
}

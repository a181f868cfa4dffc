import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A notice such as 已保存, kept as its i18n key and values and translated when shown, so it follows the language
 * chosen afterwards (saving the settings in English used to leave "已保存" on screen).
 */
export interface Notice {
  key: string;
  values?: Record<string, unknown>;
}

export function useNotice(): [string, (n: Notice | null) => void] {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  return [notice ? t(notice.key, notice.values) : '', setNotice];
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printCurrentView } from './desktop';

/** The bar above a print view (never printed): back to the app, and "打印 / 保存为 PDF". */
export function PrintToolbar({ backTo, ready, landscape, fileName }: { backTo: string; ready: boolean; landscape: boolean; fileName: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const print = () => {
    setError('');
    setSaved('');
    printCurrentView(fileName)
      .then((path) => path && setSaved(path))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <div className="print-toolbar" data-testid="print-toolbar">
      <a href={`#${backTo}`}>← {t('print.back')}</a>
      <button className="primary" data-testid="print-button" disabled={!ready} onClick={print}>
        {t('print.print')}
      </button>
      <span className="muted">{t(landscape ? 'print.hintLandscape' : 'print.hint')}</span>
      {saved && <span className="print-saved" role="status">{t('print.saved', { path: saved })}</span>}
      {error && <span className="print-error" role="alert">{error}</span>}
    </div>
  );
}

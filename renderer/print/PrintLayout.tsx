import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { formatDate, formatDateTime } from '../../shared/domain/shanghai-time';
import { pageCss } from './pageCss';
import { PrintToolbar } from './PrintToolbar';
import './print.css';

export interface PrintLayoutProps {
  title: string;
  /** A line under the title: period, mode, ... */
  subtitle?: ReactNode;
  /** True once the view's data has loaded; the print button and `data-print-ready` wait for it. */
  ready: boolean;
  /** Where "back" goes, e.g. "/mode". */
  backTo: string;
  landscape?: boolean;
  /** Drill watermark text (e.g. "演练"); the drill work sets it, a theme rather than a fork. */
  watermark?: string;
  children: ReactNode;
}

/**
 * The frame every print view shares: A4 page CSS with running heads and page numbers, the document heading
 * (title, unit name, time printed, Asia/Shanghai) and a toolbar that is not printed.
 */
export function PrintLayout({ title, subtitle, ready, backTo, landscape, watermark, children }: PrintLayoutProps) {
  const { t } = useTranslation();
  const info = useQuery({ queryKey: ['appInfo'], queryFn: () => call('getAppInfo', {}) });
  const unit = info.data?.settings.unitName || info.data?.street?.name || '';
  const [printedAt] = useState(() => Date.now());
  const printedLabel = t('print.printedAt', { time: formatDateTime(printedAt) });
  const css = useMemo(
    () => pageCss({ unit, title, printedAt: printedLabel, pageLabel: t('print.pageLabel'), landscape }),
    [unit, title, printedLabel, t, landscape],
  );
  const allReady = ready && info.isSuccess;

  useEffect(() => {
    const previous = document.title;
    document.title = unit ? `${title} - ${unit}` : title;
    return () => {
      document.title = previous;
    };
  }, [title, unit]);

  // The desktop shell and the tests wait for this before printing.
  useEffect(() => {
    document.body.dataset.printReady = allReady ? 'true' : 'false';
    return () => {
      delete document.body.dataset.printReady;
    };
  }, [allReady]);

  return (
    <div className={`print-root${watermark ? ' drill' : ''}`}>
      <style>{css}</style>
      <PrintToolbar backTo={backTo} ready={allReady} fileName={`${title}-${formatDate(printedAt)}`} />
      <article className={`print-doc${landscape ? ' landscape' : ''}`} data-testid="print-doc" data-watermark={watermark || undefined}>
        <header className="print-head">
          <div className="print-unit" data-testid="print-unit">{unit}</div>
          <h1 className="print-title">{title}</h1>
          {subtitle && <div className="print-subtitle">{subtitle}</div>}
          <div className="print-printed">{printedLabel}</div>
        </header>
        {children}
      </article>
    </div>
  );
}

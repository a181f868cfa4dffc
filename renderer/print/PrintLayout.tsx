import { useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../app/queries';
import { nowMs } from '../app/clock';
import { formatDate, formatDateTime } from '../../shared/domain/shanghai-time';
import { pageCss } from './pageCss';
import { PrintPartsContext, type PrintParts } from './printParts';
import { useCurrentPrintView } from './printRegistry';
import { PrintToolbar } from './PrintToolbar';
import './print.css';

export interface PrintLayoutProps {
  /** The heading and running head; by default the registered view's title (printRegistry.ts). */
  title?: string;
  /** A line under the title: period, mode, ... */
  subtitle?: ReactNode;
  /** True once the view's data has loaded; the print button and `data-print-ready` wait for it. */
  ready: boolean;
  /** Where "back" goes, e.g. "/mode". */
  backTo: string;
  children: ReactNode;
}

/**
 * The frame every print view shares: A4 page CSS (orientation from the registered view) with running heads and
 * page numbers, the document heading (title, unit name, time printed, Asia/Shanghai), the drill watermark while the
 * app is in a drill (from getAppInfo, so no view has to remember it) and a toolbar that is not printed.
 * The page is ready (`body[data-print-ready=true]`, what the desktop shell and the tests wait for) once the view's
 * data is in and every part that draws on its own time (usePrintPart: map excerpts) is drawn.
 */
export function PrintLayout({ title: titleProp, subtitle, ready, backTo, children }: PrintLayoutProps) {
  const { t } = useTranslation();
  const view = useCurrentPrintView();
  const title = titleProp ?? (view ? t(view.titleKey) : '');
  const landscape = view?.orientation === 'landscape';
  const info = useApiQuery('getAppInfo', {});
  const unit = info.data?.settings.unitName || info.data?.street?.name || '';
  const watermark = info.data?.drill ? t('print.drillWatermark') : undefined;
  const [printedAt] = useState(nowMs);
  const printedLabel = t('print.printedAt', { time: formatDateTime(printedAt) });
  const css = useMemo(
    () => pageCss({ unit, title, printedAt: printedLabel, pageLabel: t('print.pageLabel'), landscape }),
    [unit, title, printedLabel, t, landscape],
  );

  // Parts register in their layout effects, which run before this component's effects of the same commit, so the
  // ready effect below never sees a page whose excerpt has mounted but not yet said it is waiting.
  const parts = useRef(new Map<symbol, boolean>());
  const [partsChanged, bump] = useReducer((n: number) => n + 1, 0);
  const partsApi = useMemo<PrintParts>(
    () => ({
      set(part, partReady) {
        if (parts.current.get(part) === partReady) return;
        parts.current.set(part, partReady);
        bump();
      },
      remove(part) {
        if (parts.current.delete(part)) bump();
      },
    }),
    [],
  );
  const [pageReady, setPageReady] = useState(false);

  useEffect(() => {
    const previous = document.title;
    document.title = unit ? `${title} - ${unit}` : title;
    return () => {
      document.title = previous;
    };
  }, [title, unit]);

  // The desktop shell and the tests wait for this before printing.
  useEffect(() => {
    const all = ready && info.isSuccess && [...parts.current.values()].every(Boolean);
    document.body.dataset.printReady = all ? 'true' : 'false';
    setPageReady(all);
  }, [ready, info.isSuccess, partsChanged]);
  useEffect(
    () => () => {
      delete document.body.dataset.printReady;
    },
    [],
  );

  return (
    <PrintPartsContext.Provider value={partsApi}>
      <div className={`print-root${watermark ? ' drill' : ''}`}>
        <style>{css}</style>
        <PrintToolbar backTo={backTo} ready={pageReady} landscape={landscape} fileName={`${title}-${formatDate(printedAt)}`} />
        <article className={`print-doc${landscape ? ' landscape' : ''}`} data-testid="print-doc" data-watermark={watermark}>
          <header className="print-head">
            <div className="print-unit" data-testid="print-unit">{unit}</div>
            <h1 className="print-title">{title}</h1>
            {subtitle && <div className="print-subtitle">{subtitle}</div>}
            <div className="print-printed">{printedLabel}</div>
          </header>
          {children}
        </article>
      </div>
    </PrintPartsContext.Provider>
  );
}

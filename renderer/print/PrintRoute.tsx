import { useTranslation } from 'react-i18next';
import { printView, printViews, PrintViewContext } from './printRegistry';

/** "/print/duty?week=2024-05-06" -> { view: "duty", params } */
export function parsePrintRoute(route: string): { view: string; params: URLSearchParams } {
  const [path, query = ''] = route.split('?');
  return { view: path.replace(/^\/print\/?/, '').replace(/\/$/, ''), params: new URLSearchParams(query) };
}

/** Print views render without the app chrome (App.tsx hands every "/print/..." route here); see printRegistry.ts. */
export function PrintRoute({ route }: { route: string }) {
  const { t } = useTranslation();
  const { view, params } = parsePrintRoute(route);
  const def = printView(view);
  if (!def) {
    return (
      <div className="content stack">
        <div className="error-box">{t('print.unknown', { view })}</div>
        <ul data-testid="print-views">
          {printViews().map((v) => (
            <li key={v.id}><a href={`#/print/${v.id}`}>{t(v.titleKey)}</a></li>
          ))}
        </ul>
        <a href="#/board">{t('print.back')}</a>
      </div>
    );
  }
  // Keyed by the whole route: another period or community is a fresh page (time printed, readiness, map fitted anew).
  return (
    <PrintViewContext.Provider key={route} value={def}>
      <def.Component params={params} />
    </PrintViewContext.Provider>
  );
}

import { useTranslation } from 'react-i18next';
import { BriefingPrint } from '../features/mode/BriefingPrint';
import { CommandSheetPrint } from '../features/command/CommandSheetPrint';
import { DutyRosterPrint } from '../features/duty/DutyRosterPrint';

/** "/print/duty?week=2024-05-06" -> { view: "duty", params } */
export function parsePrintRoute(route: string): { view: string; params: URLSearchParams } {
  const [path, query = ''] = route.split('?');
  return { view: path.replace(/^\/print\/?/, '').replace(/\/$/, ''), params: new URLSearchParams(query) };
}

/** Print views render without the app chrome (App.tsx hands every "/print/..." route here). */
export function PrintRoute({ route }: { route: string }) {
  const { t } = useTranslation();
  const { view, params } = parsePrintRoute(route);
  switch (view) {
    case 'briefing':
      return <BriefingPrint />;
    case 'command':
      return <CommandSheetPrint />;
    case 'duty':
      return <DutyRosterPrint params={params} />;
    default:
      return (
        <div className="content">
          <div className="error-box">{t('print.unknown', { view })}</div>
          <a href="#/board">{t('print.back')}</a>
        </div>
      );
  }
}

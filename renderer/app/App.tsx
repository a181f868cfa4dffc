import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from './queries';
import { useRoute } from './useRoute';
import { ErrorMessage } from './ErrorMessage';
import { TopBar } from './TopBar';
import { useClockSync } from './clock';
import { SetupScreen } from '../features/setup/SetupScreen';
import { BoardScreen } from '../features/board/BoardScreen';
import { StreetDataScreen } from '../features/street-data/StreetDataScreen';
import { ImportWizard } from '../features/street-data/import/ImportWizard';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { PrintRoute } from '../print/PrintRoute';
import './printViews';
import { ModeBanner } from '../features/mode/ModeBanner';
import { DeadlineStrip } from '../features/mode/DeadlineStrip';
import { SkipToDeadlines } from '../features/mode/SkipToDeadlines';
import { ModeScreen } from '../features/mode/ModeScreen';
import { CommandScreen } from '../features/command/CommandScreen';
import { DutyScreen } from '../features/duty/DutyScreen';
import { LogScreen } from '../features/log/LogScreen';
import { RiskAreasScreen } from '../features/risk-areas/RiskAreasScreen';

/** Screens by route prefix; anything else shows the board. */
const screens: { prefix: string; render: () => ReactNode }[] = [
  { prefix: '/mode', render: () => <ModeScreen /> },
  { prefix: '/command', render: () => <CommandScreen /> },
  { prefix: '/duty', render: () => <DutyScreen /> },
  { prefix: '/log', render: () => <LogScreen /> },
  { prefix: '/risk', render: () => <RiskAreasScreen /> },
  { prefix: '/data/import', render: () => <ImportWizard /> },
  { prefix: '/data', render: () => <StreetDataScreen /> },
  { prefix: '/settings', render: () => <SettingsScreen /> },
];

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const info = useApiQuery('getAppInfo', {});
  // Nothing that tells the time renders before the clock has its first sample of the server's time.
  const clock = useClockSync();

  const language = info.data?.settings.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language ?? 'zh-CN';
  }, [language, i18n]);

  if (info.isError) return <div className="content"><ErrorMessage error={info.error} /></div>;
  if (clock.isError && !clock.data) return <div className="content"><ErrorMessage error={clock.error} /></div>;
  if (info.isPending || clock.isPending) return <div className="content">{t('app.loading')}</div>;
  if (!info.data.hasStreet) return <SetupScreen />;
  // Print views render alone, without the app chrome.
  if (route.startsWith('/print')) return <PrintRoute route={route} />;
  const screen = screens.find((x) => route.startsWith(x.prefix));

  return (
    <div className="app">
      <SkipToDeadlines />
      <TopBar info={info.data} route={route} />
      <div className="mode-bands">
        <ModeBanner />
        <DeadlineStrip />
      </div>
      <main className="content">
        {screen ? screen.render() : <BoardScreen />}
      </main>
    </div>
  );
}

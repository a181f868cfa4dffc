import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useRoute } from './useRoute';
import { ErrorMessage } from './ErrorMessage';
import { TopBar } from './TopBar';
import { SetupScreen } from '../features/setup/SetupScreen';
import { BoardScreen } from '../features/board/BoardScreen';
import { StreetDataScreen } from '../features/street-data/StreetDataScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const info = useQuery({ queryKey: ['appInfo'], queryFn: () => call('getAppInfo', {}) });

  const language = info.data?.settings.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language ?? 'zh-CN';
  }, [language, i18n]);

  if (info.isPending) return <div className="content">{t('app.loading')}</div>;
  if (info.isError) return <div className="content"><ErrorMessage error={info.error} /></div>;
  if (!info.data.hasStreet) return <SetupScreen />;

  return (
    <div className="app">
      <TopBar info={info.data} route={route} />
      <div className="mode-banner routine" data-testid="mode-banner">{t('app.mode.routine')}</div>
      <main className="content">
        {route.startsWith('/data') ? <StreetDataScreen /> : route.startsWith('/settings') ? <SettingsScreen /> : <BoardScreen />}
      </main>
    </div>
  );
}

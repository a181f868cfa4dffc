import { useTranslation } from 'react-i18next';
import type { AppInfoDto } from '../../shared/api/system';
import { DeskControl } from '../features/desk/DeskControl';

const tabs = [
  { route: '/board', key: 'nav.board' },
  { route: '/mode', key: 'nav.mode' },
  { route: '/risk', key: 'nav.risk' },
  { route: '/command', key: 'nav.command' },
  { route: '/duty', key: 'nav.duty' },
  { route: '/log', key: 'nav.log' },
  { route: '/data', key: 'nav.data' },
  { route: '/settings', key: 'nav.settings' },
];

export function TopBar({ info, route }: { info: AppInfoDto; route: string }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <span className="title">{t('app.title')}</span>
      <span>{info.settings.unitName || info.street?.name}</span>
      {info.street?.isFictional && <span className="badge fictional" data-testid="fictional-badge">{t('app.fictional')}</span>}
      <nav>
        {tabs.map((tab) => (
          <a key={tab.route} href={`#${tab.route}`} className={route.startsWith(tab.route) ? 'active' : ''}>
            {t(tab.key)}
          </a>
        ))}
      </nav>
      <span className="spacer" />
      <DeskControl />
    </header>
  );
}

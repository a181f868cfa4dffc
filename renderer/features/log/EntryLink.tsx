import { useTranslation } from 'react-i18next';
import type { LogEntryDto } from '../../../shared/api/log';

/** What an entry concerns: the sampling team by name, or the risk area / site typed by hand (marked as typed). */
export function EntryLink({ entry }: { entry: LogEntryDto }) {
  const { t } = useTranslation();
  if (entry.ref) {
    return <span className="badge log-link" data-testid="log-link">{t('log.refBadge', { kind: t(`log.linkKinds.${entry.ref.kind}`), text: entry.ref.text })}</span>;
  }
  if (entry.link?.kind === 'team') {
    return <span className="badge log-link" data-testid="log-link">{t('log.refBadge', { kind: t('log.linkKinds.team'), text: entry.linkLabel ?? `#${entry.link.id}` })}</span>;
  }
  return null;
}

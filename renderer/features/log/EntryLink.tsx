import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LogEntryDto } from '../../../shared/api/log';

/** What an entry concerns as plain text ("采样队伍：第1采样队", "风险区（手写）：…"), or null. Also used by the printed 简报. */
export function entryLinkText(entry: LogEntryDto, t: TFunction): string | null {
  if (entry.ref) return t('log.refBadge', { kind: t(`log.linkKinds.${entry.ref.kind}`), text: entry.ref.text });
  if (entry.link?.kind === 'team') return t('log.refBadge', { kind: t('log.linkKinds.team'), text: entry.linkLabel ?? `#${entry.link.id}` });
  return null;
}

/** What an entry concerns: the sampling team by name, or the risk area / site typed by hand (marked as typed). */
export function EntryLink({ entry }: { entry: LogEntryDto }) {
  const { t } = useTranslation();
  const text = entryLinkText(entry, t);
  return text === null ? null : <span className="badge log-link" data-testid="log-link">{text}</span>;
}

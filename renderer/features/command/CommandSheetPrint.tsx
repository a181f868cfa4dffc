import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { PrintLayout } from '../../print/PrintLayout';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { useEmergencyState } from '../mode/queries';
import { CommandTables } from './CommandTables';

/** 指挥体系表: in emergency the structure activated at the switch, in routine the template. */
export function CommandSheetPrint() {
  const { t } = useTranslation();
  const state = useEmergencyState(0);
  const s = state.data;
  const subtitle = s
    ? s.commandSource === 'snapshot'
      ? t('print.command.snapshot', { time: s.emergency ? formatDateTime(s.emergency.switchedAt) : '' })
      : t('print.command.template', { time: s.command.updatedAt !== null ? formatDateTime(s.command.updatedAt) : t('print.never') })
    : undefined;
  return (
    <PrintLayout title={t('print.command.title')} subtitle={subtitle} ready={!!s} backTo="/command">
      <ErrorMessage error={state.error} />
      {s && <CommandTables command={s.command} />}
    </PrintLayout>
  );
}

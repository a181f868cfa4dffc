import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { PrintLayout } from '../../print/PrintLayout';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { useEmergency } from '../mode/queries';
import { useCommandStructure } from './queries';
import { CommandTables } from './CommandTables';

/** 指挥体系表: in emergency the structure activated at the switch, in routine the template. */
export function CommandSheetPrint() {
  const { t } = useTranslation();
  const inForce = useCommandStructure();
  const emergency = useEmergency();
  const s = inForce.data;
  const e = emergency.data?.emergency;
  const subtitle = s && emergency.data
    ? s.source === 'snapshot'
      ? t('print.command.snapshot', { time: e ? formatDateTime(e.switchedAt) : '' })
      : t('print.command.template', { time: s.command.updatedAt !== null ? formatDateTime(s.command.updatedAt) : t('print.never') })
    : undefined;
  return (
    <PrintLayout subtitle={subtitle} ready={!!s && !!emergency.data} backTo="/command">
      <ErrorMessage error={inForce.error ?? emergency.error} />
      {s && <CommandTables command={s.command} />}
    </PrintLayout>
  );
}

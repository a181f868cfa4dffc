import { useTranslation } from 'react-i18next';
import type { ReportDto } from '../../../shared/api/mode';
import { caseTypeNames } from '../../../shared/domain/workgroups';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { pickName } from './names';

/** The positive reports of this emergency, the trigger first. */
export function ReportList({ reports }: { reports: ReportDto[] }) {
  const { t, i18n } = useTranslation();
  const rows = [...reports].sort((a, b) => a.reportedAt - b.reportedAt);
  return (
    <table className="data" data-testid="report-list">
      <thead>
        <tr>
          <th>{t('mode.trigger.reportedAt')}</th>
          <th>{t('mode.trigger.caseType')}</th>
          <th>{t('mode.trigger.place')}</th>
          <th>{t('mode.trigger.reportedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{formatDateTime(r.reportedAt)}{r.isTrigger && <span className="badge trigger">{t('mode.reports.trigger')}</span>}</td>
            <td>{pickName(caseTypeNames[r.caseType], i18n.language)}</td>
            <td className="wrap">{r.place}</td>
            <td>{r.reportedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

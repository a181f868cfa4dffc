import { useTranslation } from 'react-i18next';
import type { EmergencyDto, ReportDto } from '../../../shared/api/mode';
import { caseTypeNames } from '../../../shared/domain/workgroups';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import { pickName } from './names';

type T0Correction = NonNullable<EmergencyDto['emergency']>['t0Corrections'][number];

/**
 * The positive reports of this emergency in time order. The trigger report's time is T0: after a correction the row
 * shows the T0 in force and, struck through under it, each earlier time with the reason it was corrected.
 */
export function ReportList({ reports, t0, corrections = [] }: { reports: ReportDto[]; t0?: number; corrections?: T0Correction[] }) {
  const { t, i18n } = useTranslation();
  const timeOf = (r: ReportDto) => (r.isTrigger && t0 !== undefined ? t0 : r.reportedAt);
  const rows = [...reports].sort((a, b) => timeOf(a) - timeOf(b));
  return (
    <table className="data report-list" data-testid="report-list">
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
          <tr key={r.id} data-testid="report-row" data-trigger={r.isTrigger || undefined}>
            <td>
              <span data-testid="report-time">{formatDateTime(timeOf(r))}</span>
              {r.isTrigger && <span className="badge trigger">{t('mode.reports.trigger')}</span>}
              {r.isTrigger &&
                [...corrections].reverse().map((c) => (
                  <div key={c.id} className="t0-superseded small" data-testid="t0-superseded">
                    <del>{formatDateTime(c.from)}</del>{' '}
                    <span className="muted">{t('mode.reports.correctedBecause', { reason: c.reason, who: c.by?.name ?? t('mode.nobody'), at: formatDateTime(c.at) })}</span>
                  </div>
                ))}
            </td>
            <td>{pickName(caseTypeNames[r.caseType], i18n.language)}</td>
            <td className="wrap">
              {r.place}
              {r.compoundName && <div className="small"><span className="badge place" data-testid="report-compound">{r.communityName} · {r.compoundName}</span></div>}
              {r.point && <div className="muted small">{t('mode.place.point', { lng: r.point.lng.toFixed(5), lat: r.point.lat.toFixed(5) })}</div>}
            </td>
            <td>{r.reportedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/ErrorMessage';
import { useApiQuery } from '../../app/queries';
import { PrintLayout } from '../../print/PrintLayout';
import { formatDateTime } from '../../../shared/domain/shanghai-time';
import './handover-print.css';

/** 交接班记录 on A4 (#/print/handover, or ?id= a past one): when, who handed over to whom, the note, both signatures. */
export function HandoverPrint({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const id = Number(params.get('id'));
  const record = useApiQuery('getHandoverRecord', Number.isInteger(id) && id > 0 ? { id } : {});
  const r = record.data;
  return (
    <PrintLayout subtitle={r ? formatDateTime(r.at) : undefined} ready={record.isSuccess} backTo="/board">
      <ErrorMessage error={record.error} />
      {record.isSuccess && !r && <p className="print-empty" data-testid="print-handover-none">{t('print.handover.none')}</p>}
      {r && (
        <div data-testid="print-handover">
          <table className="print-handover-facts">
            <tbody>
              <tr>
                <th>{t('print.handover.at')}</th>
                <td>{formatDateTime(r.at)}</td>
                <th>{t('print.handover.mode')}</th>
                <td data-testid="print-handover-mode">{t(`print.handover.modes.${r.mode}`)}</td>
              </tr>
              <tr>
                <th>{t('print.handover.from')}</th>
                <td data-testid="print-handover-from">{r.from.name}</td>
                <th>{t('print.handover.to')}</th>
                <td data-testid="print-handover-to">{r.to?.name ?? '—'}</td>
              </tr>
            </tbody>
          </table>
          <h2>{t('print.handover.content')}</h2>
          <div className="print-handover-note" data-testid="print-handover-note">{r.note}</div>
          <div className="print-handover-sign">
            <div>{t('print.handover.signFrom', { name: r.from.name })}<span className="print-sign-line" /></div>
            <div>{t('print.handover.signTo', { name: r.to?.name ?? '' })}<span className="print-sign-line" /></div>
          </div>
          <div className="print-handover-sign">
            <div>{t('print.handover.signTime')}<span className="print-sign-line" /></div>
          </div>
        </div>
      )}
    </PrintLayout>
  );
}

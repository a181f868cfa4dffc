import { useTranslation } from 'react-i18next';
import type { ImportPreviewDto } from '../../../../shared/api/imports';

/** For a sheet: which worksheet (XLSX) and which row is the header (found by itself; the user may pick another). */
export function SheetHeaderPicker({
  preview,
  onSheet,
  onHeaderLine,
}: {
  preview: ImportPreviewDto;
  onSheet: (name: string) => void;
  onHeaderLine: (line: number) => void;
}) {
  const { t } = useTranslation();
  if (preview.headerLine === null) return null;
  const rowText = (values: string[]) => {
    const distinct = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
    const text = distinct.join(' | ');
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  };
  return (
    <>
      {preview.sheets.length > 1 && (
        <label className="field">
          <span>{t('import.sheet')}</span>
          <select value={preview.sheet ?? ''} data-testid="import-sheet" onChange={(e) => onSheet(e.target.value)}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field imp-header-field">
        <span>{t('import.headerRow')}</span>
        <select value={preview.headerLine} data-testid="import-header-line" onChange={(e) => onHeaderLine(Number(e.target.value))}>
          {preview.topRows.map((r) => (
            <option key={r.line} value={r.line}>
              {t('import.headerRowOption', { line: r.line, text: rowText(r.values) })}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

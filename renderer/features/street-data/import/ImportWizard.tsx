import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { apiKey } from '../../../app/queries';
import { ErrorMessage } from '../../../app/ErrorMessage';
import { importFields, isTableKind, oneOfFields, type CoordinateSystem, type ImportKind, type ImportMapping } from '../../../../shared/api/imports';
import { CreationList } from './CreationList';
import { ExportPanel } from './ExportPanel';
import { FilePicker, type PickedFile } from './FilePicker';
import { GeometryReport } from './GeometryReport';
import { ImportResult } from './ImportResult';
import { KindPicker } from './KindPicker';
import { MappingEditor } from './MappingEditor';
import { PreviewFindings } from './PreviewFindings';
import { PreviewTable } from './PreviewTable';
import { ReplacementList } from './ReplacementList';
import { SheetHeaderPicker } from './SheetHeaderPicker';
import { useCanWrite } from '../../desk/useCanWrite';
import { DeskNotice } from '../../desk/DeskNotice';
import './import.css';

type Encoding = 'auto' | 'utf-8' | 'gbk';

/**
 * 导入与导出: choose the kind and the file, check the preview (encoding, sheet and header row, coordinate system,
 * field mapping; every row checked with that mapping, total rows skipped, communities to create, what is replaced),
 * import in one go, then see the counts or every problem. Exports below.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('communities');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  // null: not known yet. The file's crs member sets it; when the file says nothing the user must choose.
  const [crs, setCrs] = useState<CoordinateSystem | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [headerLine, setHeaderLine] = useState<number | undefined>(undefined);
  /** The user's mapping; null while the preview's suggestion stands (it follows the header and the sheet). */
  const [chosenMapping, setChosenMapping] = useState<ImportMapping | null>(null);
  // Creating the communities the file names is offered, and agreed unless the user says no; replacing is never assumed.
  const [createMissing, setCreateMissing] = useState(true);
  const [confirmReplace, setConfirmReplace] = useState(false);
  // An import is a change: with nobody signed in (or the desk locked) the steps are read-only; exports stay open.
  const { canWrite } = useCanWrite();

  const fileInput = file && {
    kind,
    fileName: file.name,
    contentBase64: file.contentBase64,
    encoding,
    sheet,
    headerLine,
    mapping: chosenMapping ?? undefined,
    createMissing,
  };
  const preview = useQuery({
    // Keyed by the file's id, not its (large) content; every choice that changes what the preview checks is in the key.
    queryKey: [...apiKey('previewImport'), kind, file?.id, encoding, sheet, headerLine, chosenMapping, createMissing],
    queryFn: () => call('previewImport', fileInput!),
    enabled: file !== null,
    gcTime: 0,
    // A new mapping or header re-checks the file: keep showing the last preview meanwhile.
    placeholderData: keepPreviousData,
  });
  const data = preview.data && preview.data.fileName === file?.name && preview.data.kind === kind ? preview.data : undefined;
  const mapping = chosenMapping ?? data?.mapping ?? {};
  useEffect(() => {
    if (preview.data?.crsDeclared) setCrs(preview.data.crsDeclared.system);
  }, [preview.data]);

  const commit = useMutation({
    mutationFn: () => call('commitImport', { ...fileInput!, mapping, confirmReplace, ...(crs ? { crs } : {}) }),
  });

  /** Anything that changes what the preview reads asks for a new confirmation and a new outcome. */
  function changed() {
    setConfirmReplace(false);
    commit.reset();
  }
  function chooseKind(k: ImportKind) {
    setKind(k);
    chooseFile(null);
  }
  function chooseFile(f: PickedFile | null) {
    setFile(f);
    setEncoding('auto');
    setCrs(null);
    setSheet(undefined);
    setHeaderLine(undefined);
    setChosenMapping(null);
    setCreateMissing(true);
    changed();
  }
  function chooseEncoding(e: Encoding) {
    setEncoding(e);
    setHeaderLine(undefined);
    setChosenMapping(null);
    changed();
  }
  function chooseSheet(name: string) {
    setSheet(name);
    setHeaderLine(undefined);
    setChosenMapping(null);
    changed();
  }
  function chooseHeaderLine(line: number) {
    setHeaderLine(line);
    setChosenMapping(null);
    changed();
  }
  function chooseMapping(m: ImportMapping) {
    setChosenMapping(m);
    changed();
  }

  // The outcome appears below the preview: bring it into view.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (commit.isSuccess || commit.isError) outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [commit.isSuccess, commit.isError]);

  const geo = !isTableKind(kind);
  const unmapped = importFields[kind].filter((f) => f.required && !mapping[f.id]);
  const oneOfMissing = (oneOfFields[kind] ?? []).filter((group) => !group.some((id) => mapping[id]));
  const crsMissing = geo && crs === null;
  const replacing = !!data && data.replacements.length > 0;
  const blocked =
    !canWrite || !data || preview.isFetching || unmapped.length > 0 || oneOfMissing.length > 0 || crsMissing || data.problemCount > 0 ||
    (replacing && !confirmReplace);
  const canCommit = !blocked && !commit.isPending;

  return (
    <div className="imp-screen">
      <div className="imp-head">
        <h1>{t('import.title')}</h1>
        <a href="#/data">{t('import.back')}</a>
      </div>

      <DeskNotice />
      <fieldset className="desk-fieldset" disabled={!canWrite}>
      <section className="panel imp-steps">
        <h2>{t('import.step1')}</h2>
        <KindPicker kind={kind} onChange={chooseKind} />
        {kind === 'residents' && <p className="imp-note">{t('import.residentsNote')}</p>}
        {kind === 'population' && <p className="imp-note imp-note-info">{t('import.populationNote')}</p>}

        <h2>{t('import.step2')}</h2>
        <FilePicker key={kind} kind={kind} onPicked={chooseFile} />

        {file && (
          <>
            <h2>{t('import.step3')}</h2>
            <div className="imp-options">
              <span className="imp-filename" data-testid="import-filename">{file.name}</span>
              {data && <span className="muted">{t(geo ? 'import.totalFeatures' : 'import.totalRows', { count: data.totalRows })}</span>}
              {data?.format !== 'xlsx' && (
                <label className="field">
                  <span>{t('import.encoding')}</span>
                  <select value={encoding} data-testid="import-encoding" onChange={(e) => chooseEncoding(e.target.value as Encoding)}>
                    <option value="auto">{t('import.encodingAuto')}</option>
                    <option value="utf-8">UTF-8</option>
                    <option value="gbk">{t('import.encodingGbk')}</option>
                  </select>
                </label>
              )}
              {data?.encoding && (
                <span className="imp-detected" data-testid="import-detected">
                  {t('import.detected', { encoding: data.encoding.toUpperCase() })}
                  {data.bom && t('import.withBom')}
                </span>
              )}
              {data && <SheetHeaderPicker preview={data} onSheet={chooseSheet} onHeaderLine={chooseHeaderLine} />}
              {geo && (
                <label className="field">
                  <span>{t('import.crs')}</span>
                  <select
                    value={crs ?? ''}
                    data-testid="import-crs"
                    className={crsMissing ? 'imp-ask' : undefined}
                    onChange={(e) => setCrs((e.target.value || null) as CoordinateSystem | null)}
                  >
                    {crs === null && <option value="">{t('import.crsChoose')}</option>}
                    <option value="wgs84">{t('import.wgs84')}</option>
                    <option value="gcj02">{t('import.gcj02')}</option>
                    <option value="bd09">{t('import.bd09')}</option>
                  </select>
                </label>
              )}
            </div>
            {geo && data?.crsDeclared && (
              <p className="muted imp-small" data-testid="import-crs-declared">
                {t('import.crsDeclared', { name: data.crsDeclared.name })}
              </p>
            )}
            {geo && data && data.crsDeclared === null && (
              <p className="imp-note" data-testid="import-crs-unknown">
                {t('import.crsUnknown')}
              </p>
            )}
            {preview.isFetching && <p className="muted">{t('import.reading')}</p>}
            <ErrorMessage error={preview.error} headline={t('import.previewUnreadable')} />
            {data && !data.headerFound && data.headerLine !== null && (
              <p className="imp-note" data-testid="import-header-guess">{t('import.headerGuess', { line: data.headerLine })}</p>
            )}
            {data && (
              <div className="imp-review">
                <div className="imp-map-col">
                  <h3>{t('import.mapping')}</h3>
                  <MappingEditor kind={kind} columns={data.columns} mapping={mapping} onChange={chooseMapping} />
                </div>
                <div className="imp-preview-col">
                  <h3>
                    {t('import.previewTitle', { n: data.rows.length, total: data.totalRows })}{' '}
                    <span className="muted imp-small">{t('import.columnsCount', { n: data.columns.length })}</span>
                  </h3>
                  <PreviewTable preview={data} />
                  {data.geometry && <GeometryReport report={data.geometry} />}
                </div>
              </div>
            )}

            {data && (
              <>
                <PreviewFindings preview={data} />
                <CreationList
                  preview={data}
                  checked={createMissing}
                  onChange={(v) => {
                    setCreateMissing(v);
                    changed();
                  }}
                />
                <ReplacementList preview={data} checked={confirmReplace} onChange={setConfirmReplace} />
              </>
            )}

            {data && (
              <div className="imp-commit">
                <button type="button" className="primary" disabled={!canCommit} data-testid="import-commit" onClick={() => commit.mutate()}>
                  {commit.isPending ? t('import.importing') : t(geo ? 'import.commitFeatures' : 'import.commitRows', { count: data.totalRows })}
                </button>
                {crsMissing && <span className="imp-missing-note">{t('import.crsMissing')}</span>}
                {unmapped.length > 0 && (
                  <span className="imp-missing-note">
                    {t('import.unmapped', { fields: unmapped.map((f) => t(`import.fields.${kind}.${f.id}`)).join(t('import.listSep')) })}
                  </span>
                )}
                {oneOfMissing.map((group) => (
                  <span key={group.join()} className="imp-missing-note">
                    {t('import.unmapped', { fields: group.map((id) => t(`import.fields.${kind}.${id}`)).join(' / ') })}
                  </span>
                ))}
                {unmapped.length === 0 && data.problemCount > 0 && <span className="imp-missing-note">{t('import.problemsBlock')}</span>}
                {data.problemCount === 0 && replacing && !confirmReplace && <span className="imp-missing-note">{t('import.replaceNeeded')}</span>}
                <span className="muted imp-small">{t('import.atomic')}</span>
              </div>
            )}
            <div ref={outcome} className="imp-outcome">
              {commit.data && <ImportResult result={commit.data} />}
              <ErrorMessage error={commit.error} />
            </div>
          </>
        )}
      </section>
      </fieldset>

      <ExportPanel />
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxImportBytes, type ImportKind } from '../../../../shared/api/imports';
import { megabytes, readFileBase64 } from './files';

export interface PickedFile {
  /** Changes with every pick, so picking the same file again previews again. */
  id: number;
  name: string;
  size: number;
  contentBase64: string;
}

const accept: Record<ImportKind, string> = {
  communities: '.geojson,.json',
  compounds: '.geojson,.json',
  venues: '.geojson,.json',
  population: '.csv,.txt,.xlsx',
  residents: '.csv,.txt,.xlsx',
};

let nextId = 1;

/** Chooses a file. A file over the limit is refused from its size alone, before any byte is read. */
export function FilePicker({ kind, onPicked }: { kind: ImportKind; onPicked: (f: PickedFile | null) => void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function pick(file: File | undefined) {
    setRefusal(null);
    onPicked(null);
    if (!file) return;
    if (file.size > maxImportBytes) {
      setRefusal(t('import.tooLarge', { name: file.name, size: megabytes(file.size), limit: maxImportBytes / 1024 / 1024 }));
      return;
    }
    setReading(true);
    try {
      const contentBase64 = await readFileBase64(file);
      onPicked({ id: nextId++, name: file.name, size: file.size, contentBase64 });
    } catch (err) {
      setRefusal(t('import.readFailed', { name: file.name, message: (err as Error).message }));
    } finally {
      setReading(false);
    }
  }

  return (
    <div className="imp-file">
      <label className="field">
        <span>{t('import.chooseFile')}</span>
        <input
          type="file"
          accept={accept[kind]}
          data-testid="import-file"
          onClick={(e) => (e.currentTarget.value = '')} // the same file, fixed, can be chosen again
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </label>
      <span className="muted imp-small">{t('import.limit', { limit: maxImportBytes / 1024 / 1024 })}</span>
      {reading && <span className="muted">{t('import.reading')}</span>}
      {refusal && (
        <div className="error-box" role="alert" data-testid="import-file-refused">
          {refusal}
        </div>
      )}
    </div>
  );
}

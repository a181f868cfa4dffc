import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorMessage } from './ErrorMessage';
import { RowCount } from './RowCount';
import { SearchBox } from './SearchBox';
import { useCanWrite } from '../features/desk/useCanWrite';
import { DeskNotice } from '../features/desk/DeskNotice';
import './list-pane.css';

/** One column of a ListPane: its header and what each row shows in it. */
export interface ListColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** 'num': right-aligned tabular figures in a narrow column; 'code': a monospace code in a fixed column. */
  kind?: 'num' | 'code';
  /** The cell's data-col, for tests and styles. */
  id?: string;
  /** More classes for the cell, from its row (for example 'muted' when it is empty). */
  className?: (row: T) => string | undefined;
  /** Hover text of the cell. */
  title?: (row: T) => string | undefined;
}

/** An add button and an edit link per row, both opening the feature's form (no row: a new one). */
export interface ListEditor<T> {
  addLabel: string;
  addTestId: string;
  canAdd?: boolean;
  form: (row: T | undefined, close: () => void) => ReactNode;
}

/** A delete link per row; the confirmation names the row and lists what else is deleted or kept. */
export interface ListRemove<T> {
  title: string;
  question: (row: T) => string;
  consequences?: (row: T) => string[];
  run: (row: T) => Promise<unknown>;
  onDone?: () => unknown;
}

/**
 * The app's one list of records: toolbar (search, filters, count, add), the table, its empty state, edit and delete
 * links per row, and the delete confirmation that says what goes with the row. A feature declares its columns and
 * hands over its query; the pane keeps which row is being edited or deleted. Adding, editing and deleting are
 * changes: while the desk would refuse them (nobody signed in, locked) they are disabled and the pane says why.
 */
export function ListPane<T extends { id: number }>({
  testId,
  columns,
  rows,
  total = rows.length,
  status,
  rowCode,
  search,
  filters,
  note,
  empty,
  foot,
  editor,
  remove,
}: {
  testId: string;
  columns: readonly ListColumn<T>[];
  rows: readonly T[];
  /** How many the server found, when it sends only the first of them. */
  total?: number;
  /** The list's query: nothing loaded yet, previous rows shown while the next arrive, or its error. */
  status: { isPending: boolean; isPlaceholderData?: boolean; error: unknown };
  /** The row's data-code (tests and links find rows by code). */
  rowCode?: (row: T) => string;
  /** The search box, from useListSearch(); `query` is what was sent, for the "nothing matches" line. */
  search?: { value: string; onChange: (v: string) => void; query: string; placeholder: string; testId: string };
  /** Filters after the search box. */
  filters?: ReactNode;
  /** A note after the count. */
  note?: ReactNode;
  /** What an empty list says when nothing was searched for. */
  empty: string;
  /** Total rows under the table. */
  foot?: ReactNode;
  editor?: ListEditor<T>;
  remove?: ListRemove<T>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const hasActions = editor !== undefined || remove !== undefined;
  const query = search?.query ?? '';
  const desk = useCanWrite();

  return (
    <section className="lp-pane" data-testid={testId}>
      <div className="lp-toolbar">
        {search && <SearchBox value={search.value} onChange={search.onChange} placeholder={search.placeholder} testId={search.testId} />}
        {filters}
        <RowCount total={total} shown={rows.length} busy={status.isPending || status.isPlaceholderData} />
        {note}
        <span className="spacer" />
        {hasActions && <DeskNotice compact />}
        {editor && (
          <button className="primary" data-testid={editor.addTestId} disabled={editor.canAdd === false || !desk.canWrite} title={desk.hint || undefined}
            onClick={() => setEditing('new')}>
            {editor.addLabel}
          </button>
        )}
      </div>
      <ErrorMessage error={status.error} />
      <div className="lp-table-wrap">
        <table className="data lp-table">
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} className={c.kind === 'num' ? 'num' : c.kind === 'code' ? 'code-col' : undefined}>{c.header}</th>
              ))}
              {hasActions && <th className="lp-actions-col">{t('list.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-code={rowCode?.(row)}>
                {columns.map((c, i) => (
                  <td key={i} className={cellClass(c, row)} data-col={c.id} title={c.title?.(row)}>{c.cell(row)}</td>
                ))}
                {hasActions && (
                  <td className="lp-actions">
                    {editor && <button className="link" disabled={!desk.canWrite} title={desk.hint || undefined} onClick={() => setEditing(row)}>{t('common.edit')}</button>}
                    {remove && (
                      <button className="link danger" disabled={!desk.canWrite} title={desk.hint || undefined} onClick={() => setDeleting(row)}>{t('common.delete')}</button>
                    )}
                  </td>
                )}
              </tr>
            ))}
            {rows.length === 0 && !status.isPending && (
              <tr>
                <td colSpan={columns.length + (hasActions ? 1 : 0)} className="lp-empty">{query ? t('list.noMatch', { q: query }) : empty}</td>
              </tr>
            )}
          </tbody>
          {foot && <tfoot>{foot}</tfoot>}
        </table>
      </div>
      {editor && editing && desk.canWrite && editor.form(editing === 'new' ? undefined : editing, () => setEditing(null))}
      {remove && deleting && desk.canWrite && (
        <ConfirmDialog
          title={remove.title}
          tone="danger"
          width={480}
          testId="confirm-dialog"
          confirmLabel={t('list.deleteConfirm')}
          confirmTestId="confirm-delete"
          action={() => remove.run(deleting)}
          onDone={remove.onDone}
          onClose={() => setDeleting(null)}
        >
          <p className="lp-question">{remove.question(deleting)}</p>
          <Consequences items={remove.consequences?.(deleting) ?? []} />
          <p className="muted lp-small">{t('list.irreversible')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function cellClass<T>(c: ListColumn<T>, row: T): string | undefined {
  const classes = [c.kind === 'num' ? 'num' : c.kind === 'code' ? 'code' : '', c.className?.(row) ?? ''].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
}

function Consequences({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="lp-consequences">
      {items.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
}

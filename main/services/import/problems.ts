import { AppError, type ProblemLocation } from '../../../shared/api/errors';
import { maxListedProblems } from '../../../shared/api/imports';

/**
 * Collects every problem found in a file (keeps the first 200, counts all), then rejects the whole import
 * with one error naming the total, so the user can fix everything in one pass. Nothing is written.
 */
export class Problems {
  readonly list: ProblemLocation[] = [];
  total = 0;
  constructor(readonly file: string) {}

  add(p: Omit<ProblemLocation, 'file'>): void {
    this.total++;
    if (this.list.length < maxListedProblems) this.list.push({ file: this.file, ...p });
  }

  throwIfAny(): void {
    if (this.total === 0) return;
    throw rejection(this.file, this.total, this.list);
  }
}

function rejection(file: string, total: number, list: ProblemLocation[]): AppError {
  const listed = total > list.length ? `（只列出前 ${list.length} 个）` : '';
  const first = total === 1 ? `：${list[0].message.replace(/[。.]$/, '')}` : listed;
  return new AppError('import_rejected', `文件 ${file} 有 ${total} 个问题${first}。未写入任何数据，请修改后重新导入。`, list);
}

/** A problem that stops reading the file at all (empty, not JSON, too large ...). */
export function rejectFile(file: string, message: string, where: Omit<ProblemLocation, 'file' | 'message'> = {}): AppError {
  return rejection(file, 1, [{ file, ...where, message }]);
}

import { AppError } from '../../../shared/api/errors';
import { rejectFile } from './problems';

/**
 * Reading an import file as JSON, with every refusal in Chinese and located (line, column): JSON.parse does the
 * reading, and only when it fails does a small syntax scanner of our own find where and why, so no engine text in
 * English reaches the user. Nesting is measured before parsing: JSON.parse itself copes with 100,000 nested
 * arrays, but everything after it that walks the value (checks, JSON.stringify) would run out of stack.
 */

/** Deepest nesting of arrays and objects accepted; a MultiPolygon's numbers sit at depth 8 of a FeatureCollection. */
export const maxJsonDepth = 100;

export function parseJsonFile(text: string, file: string): unknown {
  const deep = tooDeepAt(text);
  if (deep !== null) {
    const { line, column } = lineColumn(text, deep);
    const message = `JSON 嵌套太深：第 ${line} 行第 ${column} 列处已嵌套超过 ${maxJsonDepth} 层数组或对象（GeoJSON 边界通常不超过 8 层），无法读取。请检查文件是否由正常的 GIS 软件导出。`;
    throw new AppError('invalid_input', `文件 ${file} 无法读取：${message}`, [{ file, line, message }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw syntaxError(text, file);
  }
}

/** The position of the first "[" or "{" that goes deeper than maxJsonDepth (outside strings), or null. */
function tooDeepAt(text: string): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxJsonDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

function syntaxError(text: string, file: string): AppError {
  const found = findSyntaxError(text);
  if (!found) return rejectFile(file, '不是有效的 JSON。');
  const { line, column } = lineColumn(text, found.pos);
  if (found.atEnd) {
    const open = found.open > 0 ? `，还有 ${found.open} 层对象或数组没有闭合` : '';
    return rejectFile(file, `文件不完整：JSON 在第 ${line} 行第 ${column} 列（文件末尾）意外结束（${found.reason}${open}），文件可能被截断。请重新导出或重新下载后再导入。`, { line });
  }
  return rejectFile(file, `不是有效的 JSON：第 ${line} 行第 ${column} 列（位置 ${found.pos}）附近有错误：${found.reason}。`, { line });
}

interface SyntaxProblem {
  pos: number;
  reason: string;
  /** The text ended before the value did (a truncated file). */
  atEnd: boolean;
  /** Objects and arrays still open where it stopped. */
  open: number;
}

class Stop {
  constructor(readonly problem: SyntaxProblem) {}
}

/** Where and why a text is not JSON (RFC 8259), or null if it is. Recursion is safe: the depth was checked first. */
export function findSyntaxError(s: string): SyntaxProblem | null {
  let i = 0;
  let open = 0;
  const fail = (reason: string): never => {
    throw new Stop({ pos: i, reason, atEnd: i >= s.length, open });
  };
  const shown = (c: string) => (c.trim() === '' ? '空白字符' : `“${c}”`);
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const expect = (what: string) => fail(i >= s.length ? `缺少${what}` : `此处是${shown(s[i])}，应为${what}`);

  function value(): void {
    ws();
    if (i >= s.length) fail('缺少值');
    const c = s[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        for (let k = 0; k < word.length; k++, i++) if (s[i] !== word[k]) fail(i >= s.length ? `“${word}”不完整` : `“${word}”拼写有误`);
        return;
      }
    }
    if (/^(NaN|Infinity|undefined)/.test(s.slice(i, i + 9))) fail('JSON 中不能写 NaN、Infinity 或 undefined');
    if (c === "'") fail('字符串要用双引号 " 括起，不能用单引号');
    fail(`此处是${shown(c)}，应为值（数字、字符串、true、false、null、对象或数组）`);
  }

  function object(): void {
    i++;
    open++;
    ws();
    if (s[i] === '}') {
      i++;
      open--;
      return;
    }
    for (;;) {
      ws();
      if (s[i] !== '"') expect('用双引号括起的属性名');
      string();
      ws();
      if (s[i] !== ':') expect('属性名后的“:”');
      i++;
      value();
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '}') {
        i++;
        open--;
        return;
      }
      expect('属性值后的“,”或“}”');
    }
  }

  function array(): void {
    i++;
    open++;
    ws();
    if (s[i] === ']') {
      i++;
      open--;
      return;
    }
    for (;;) {
      value();
      ws();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === ']') {
        i++;
        open--;
        return;
      }
      expect('数组元素后的“,”或“]”');
    }
  }

  function string(): void {
    i++;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === undefined) {
          i++;
          fail('字符串没有结束的双引号');
        }
        if ('"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) i += 6;
        else fail(`字符串中有无效的转义“\\${e}”`);
        continue;
      }
      if (c < 0x20) fail('字符串中有未转义的换行或控制字符');
      i++;
    }
    fail('字符串没有结束的双引号');
  }

  function number(): void {
    if (s[i] === '-') i++;
    if (s[i] === '0') i++;
    else if (s[i] >= '1' && s[i] <= '9') while (s[i] >= '0' && s[i] <= '9') i++;
    else fail('数字格式有误：负号后缺少数字');
    if (s[i] === '.') {
      i++;
      if (!(s[i] >= '0' && s[i] <= '9')) fail('数字格式有误：小数点后缺少数字');
      while (s[i] >= '0' && s[i] <= '9') i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (!(s[i] >= '0' && s[i] <= '9')) fail('数字格式有误：指数缺少数字');
      while (s[i] >= '0' && s[i] <= '9') i++;
    }
  }

  try {
    value();
    ws();
    if (i < s.length) fail(`JSON 已经结束，后面还有多余的内容（${shown(s[i])}）`);
    return null;
  } catch (err) {
    if (err instanceof Stop) return err.problem;
    throw err;
  }
}

/** Quotes text as a CSS string literal. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * Turns a translated page label such as "第 {{page}} 页 / 共 {{pages}} 页" into a CSS `content` value:
 * `"第 " counter(page) " 页 / 共 " counter(pages) " 页"`.
 */
export function pageCounterContent(template: string): string {
  const parts = template.split(/(\{\{pages?\}\})/);
  return parts
    .filter((p) => p !== '')
    .map((p) => (p === '{{page}}' ? 'counter(page)' : p === '{{pages}}' ? 'counter(pages)' : cssString(p)))
    .join(' ');
}

export interface PageCssInput {
  unit: string;
  title: string;
  printedAt: string; // already formatted, e.g. "打印时间：2024-05-01 10:05"
  pageLabel: string; // "第 {{page}} 页 / 共 {{pages}} 页"
  landscape?: boolean;
}

/**
 * A4 with running heads in the page margin boxes (Chromium renders them in print and in printToPDF):
 * unit top left, title top right, printing time bottom left, "第 N 页 / 共 M 页" bottom centre.
 */
export function pageCss({ unit, title, printedAt, pageLabel, landscape }: PageCssInput): string {
  const box = 'font-family: var(--font-ui); font-size: 8.5pt; color: #555;';
  return `@page {
  size: A4 ${landscape ? 'landscape' : 'portrait'};
  margin: 16mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(unit)}; ${box} }
  @top-right { content: ${cssString(title)}; ${box} }
  @bottom-left { content: ${cssString(printedAt)}; ${box} }
  @bottom-center { content: ${pageCounterContent(pageLabel)}; ${box} }
}`;
}

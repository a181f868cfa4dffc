// @vitest-environment jsdom
import fs from 'node:fs';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { AppInfoDto } from '../../shared/api/system';
import '../../renderer/i18n';
import { PrintLayout } from '../../renderer/print/PrintLayout';
import { usePrintPart } from '../../renderer/print/printParts';
import { PrintRoute } from '../../renderer/print/PrintRoute';
import { registerPrintView } from '../../renderer/print/printRegistry';
import { apiKey } from '../../renderer/app/queries';
import { setClockSample } from '../../renderer/app/clock';

setClockSample({ now: Date.UTC(2022, 6, 10, 2), rate: 1 });

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function appInfo(drill: boolean): AppInfoDto {
  return {
    version: '0.0.0', shell: 'host', dataDir: '/tmp/x', dbFile: '/tmp/x/db.sqlite', schemaVersion: 1, hasStreet: true,
    street: { code: '500104002', name: '示范街道', isFictional: true },
    settings: { unitName: '示范街道办事处', language: 'zh-CN', idleLockMinutes: 0, incidentRadiusM: 500 },
    drill,
  };
}

/** A query client that already holds getAppInfo's answer, so the layout renders without a host. */
function clientWith(info: AppInfoDto): QueryClient {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(apiKey('getAppInfo', {}), info);
  return qc;
}

let root: Root | null = null;
function render(node: React.ReactNode, qc: QueryClient) {
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root!.render(<QueryClientProvider client={qc}>{node}</QueryClientProvider>));
  return el;
}
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('PrintLayout: the drill watermark comes from the app state', () => {
  test('in a drill every sheet carries 演练, in a colour from a theme variable', () => {
    const el = render(<PrintLayout title="指挥体系表" ready backTo="/command"><p>内容</p></PrintLayout>, clientWith(appInfo(true)));
    const doc = el.querySelector('[data-testid="print-doc"]')!;
    expect(doc.getAttribute('data-watermark')).toBe('演练');
    expect(el.querySelector('.print-root')!.classList.contains('drill')).toBe(true);
    // jsdom draws no ::before; the rule that does is checked to print the attribute in the theme's colour.
    const css = fs.readFileSync('renderer/print/print.css', 'utf8');
    expect(css).toMatch(/\.print-doc\[data-watermark\]::before\s*\{[^}]*content:\s*attr\(data-watermark\)[^}]*color:\s*var\(--color-drill-watermark\)/);
    expect(css).toMatch(/--color-drill-watermark:/);
  });

  test('outside a drill there is no watermark, whatever the view', () => {
    const el = render(<PrintLayout title="指挥体系表" ready backTo="/command"><p>内容</p></PrintLayout>, clientWith(appInfo(false)));
    expect(el.querySelector('[data-testid="print-doc"]')!.hasAttribute('data-watermark')).toBe(false);
    expect(el.querySelector('.print-root')!.classList.contains('drill')).toBe(false);
    expect(document.body.dataset.printReady).toBe('true');
  });
});

describe('PrintLayout: the page is ready when its data and every part are', () => {
  let setPartReady: (v: boolean) => void = () => {};
  function SlowPart() {
    const [ready, setReady] = useState(false);
    setPartReady = setReady;
    usePrintPart(ready);
    return <div>map</div>;
  }

  test('a part mounted with the data holds the page from the first commit until it is drawn', () => {
    // Every value data-print-ready took, not only the last: a flash of "true" would let the desktop print too early.
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-print-ready'], attributeOldValue: true });
    const valuesSet = () => [...observer.takeRecords().slice(1).map((r) => r.oldValue), document.body.dataset.printReady];
    const el = render(<PrintLayout title="街道图" ready backTo="/board"><SlowPart /></PrintLayout>, clientWith(appInfo(false)));
    expect(valuesSet()).not.toContain('true');
    expect(document.body.dataset.printReady).toBe('false');
    expect(el.querySelector<HTMLButtonElement>('[data-testid="print-button"]')!.disabled).toBe(true);
    act(() => setPartReady(true));
    expect(document.body.dataset.printReady).toBe('true');
    expect(el.querySelector<HTMLButtonElement>('[data-testid="print-button"]')!.disabled).toBe(false);
    observer.disconnect();
  });
});

describe('print views register themselves', () => {
  beforeAll(() => {
    registerPrintView({
      id: 'test-landscape',
      titleKey: 'print.streetMap.title',
      orientation: 'landscape',
      Component: ({ params }) => (
        <PrintLayout ready backTo="/board"><p data-testid="param">{params.get('x')}</p></PrintLayout>
      ),
    });
  });

  test('"#/print/<id>" renders the registered view with its title, orientation and query', () => {
    const el = render(<PrintRoute route="/print/test-landscape?x=42" />, clientWith(appInfo(false)));
    expect(el.querySelector('.print-title')!.textContent).toBe('街道图');
    expect(el.querySelector('[data-testid="param"]')!.textContent).toBe('42');
    expect(el.querySelector('.print-doc')!.classList.contains('landscape')).toBe(true);
    expect(el.querySelector('style')!.textContent).toContain('size: A4 landscape');
    expect(el.querySelector('[data-testid="print-toolbar"]')!.textContent).toContain('A4 横向');
  });

  test('an unknown view says so and lists the registered ones', () => {
    const el = render(<PrintRoute route="/print/nope" />, clientWith(appInfo(false)));
    expect(el.textContent).toContain('没有名为“nope”的打印页面');
    expect(el.querySelector('[data-testid="print-views"] a[href="#/print/test-landscape"]')!.textContent).toBe('街道图');
  });

  test('a second view with the same id fails at start instead of replacing the first', () => {
    expect(() => registerPrintView({ id: 'test-landscape', titleKey: 'x', orientation: 'portrait', Component: () => null })).toThrow(/registered twice/);
  });
});

import { createElement } from 'react';
import { registerPrintView } from '../../print/printRegistry';
import { RiskNoticePrint } from './RiskNoticePrint';

// 风险区通告 (#/print/risk-notice?id=<area>) and 解除通告 (#/print/risk-lift-notice?id=<area>), opened from the area panel.
registerPrintView({
  id: 'risk-notice',
  titleKey: 'print.risk.noticeTitle',
  orientation: 'portrait',
  Component: (props) => createElement(RiskNoticePrint, { ...props, kind: 'notice' }),
});
registerPrintView({
  id: 'risk-lift-notice',
  titleKey: 'print.risk.liftTitle',
  orientation: 'portrait',
  Component: (props) => createElement(RiskNoticePrint, { ...props, kind: 'lift' }),
});

import { AppError } from '../../shared/api/errors';
import type { StreetSummaryDto } from '../../shared/api/street';
import type { AppContext } from './context';

/** Loads the fictional demo street from resources/demo. (Filled in by the demo-street work.) */
export function loadDemoStreet(_ctx: AppContext): StreetSummaryDto {
  throw new AppError('internal', '示例街道尚未生成 (not yet)。');
}

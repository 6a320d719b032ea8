import { STATUS_SV } from '../../../i18n/status';
import { STATUS_SYMBOL } from '../../../i18n/status-symbols';
import { STATUS_ORDER } from '../../../i18n/status-order';
import type { Ctx } from '../../context';
import { publicProfile } from './municipality-profile.service';
import { currentStanding, publishedAgreementsOf } from './public-site.service';

/** What the embeddable widget shows: the agreement's status counts this tertial and a link. */
export type WidgetSummary = {
  municipality: { code: string; name: string };
  title: string;
  url: string;
  period: string | null;
  total: number;
  counts: { status: string; label: string; symbol: string; count: number }[];
  demo: boolean;
  /** The municipality's colour (#rrggbb, WCAG AA with white text), or null for the default. */
  colour: string | null;
};

/** The widget's data for a municipality's main published agreement (null counts when none). */
export async function widgetSummary(
  ctx: Ctx,
  code: string,
  origin: string
): Promise<WidgetSummary> {
  const { municipality, main } = await publishedAgreementsOf(ctx, code);
  const base = {
    municipality: { code, name: municipality.name },
    title: `Medborgarlöftet i ${municipality.name}`,
    url: `${origin}/kommuner/${code}`,
    colour: (await publicProfile(ctx, municipality.id, code)).colour
  };
  if (!main) return { ...base, period: null, total: 0, counts: [], demo: false };
  const s = await currentStanding(ctx, main.id);
  return {
    ...base,
    period: s.tertialLabel,
    total: s.measures.length,
    counts: STATUS_ORDER.flatMap((status) => {
      const count = s.counts[status] ?? 0;
      return count
        ? [
            {
              status,
              label: STATUS_SV[status] ?? status,
              symbol: STATUS_SYMBOL[status] ?? '',
              count
            }
          ]
        : [];
    }),
    demo: s.demo || main.demo
  };
}

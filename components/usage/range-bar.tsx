// The row above both usage dashboards: the range controls, the page's own filters beside them, and why a custom
// range in the URL was refused (the range shown instead is in the controls).
import { isoDay, type ResolvedUsageRange } from "@/lib/domain/usage/params";
import { RangeControls } from "./usage-controls";

export function UsageRangeBar({ range, now, children }: {
  range: ResolvedUsageRange;
  /** the moment the range was resolved at: the last day a custom range may end */
  now: Date;
  /** the page's filters (grouping, or status and plan) */
  children: React.ReactNode;
}) {
  return (
    <>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <RangeControls range={range.range} from={range.typedFrom} to={range.typedTo} today={isoDay(now)} />
        {children}
      </div>
      {range.error && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {range.error}
        </p>
      )}
    </>
  );
}

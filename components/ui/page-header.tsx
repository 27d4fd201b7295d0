import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A page's title, with what it is about beside it and its page-wide actions at the end. */
export function PageHeader({ title, description, badges, actions, className }: {
  title: ReactNode;
  description?: ReactNode;
  /** beside the title: a status, a role */
  badges?: ReactNode;
  /** at the end of the row: the page's primary buttons */
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-wrap items-start justify-between gap-3", className)}>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {badges}
        </div>
        {description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

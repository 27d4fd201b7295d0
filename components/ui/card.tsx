import { cn } from "@/lib/utils";

export const cardClass = "rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900";

export function Card({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={cn(cardClass, className)}>{children}</div>;
}

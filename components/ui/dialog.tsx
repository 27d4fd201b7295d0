"use client";
// Radix's dialog (focus trap, Escape, ARIA) in this console's style.
import { Dialog as Primitive } from "radix-ui";
import { cn } from "@/lib/utils";

export const Dialog = Primitive.Root;
export const DialogTrigger = Primitive.Trigger;
export const DialogClose = Primitive.Close;

/** A dialog says what it does in its description: a screen reader reads it after the title (so never the title again). */
export function DialogContent({ title, description, className, children }: { title: string; description: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <Primitive.Content className={cn("fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-xl dark:border-zinc-800 dark:bg-zinc-900", className)}>
        <Primitive.Title className="text-lg font-semibold">{title}</Primitive.Title>
        <Primitive.Description className="text-sm text-zinc-600 dark:text-zinc-400">{description}</Primitive.Description>
        {children}
      </Primitive.Content>
    </Primitive.Portal>
  );
}

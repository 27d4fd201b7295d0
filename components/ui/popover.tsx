"use client";
// Radix's popover (focus, Escape and ARIA handled) in this console's style.
import { Popover as Primitive } from "radix-ui";
import { cn } from "@/lib/utils";

/** The panel that floats over the page: a popover's, a dropdown menu's. */
export const floatingPanel = "z-50 rounded-md border border-zinc-200 bg-white text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900";

export const Popover = Primitive.Root;
export const PopoverTrigger = Primitive.Trigger;

export function PopoverContent({ className, align = "start", sideOffset = 6, ...props }: Primitive.PopoverContentProps) {
  return <Primitive.Portal><Primitive.Content align={align} sideOffset={sideOffset} className={cn(floatingPanel, "w-72 p-0", className)} {...props} /></Primitive.Portal>;
}

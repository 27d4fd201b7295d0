"use client";
import { Popover as Primitive } from "radix-ui";

export const Popover = Primitive.Root;
export const PopoverTrigger = Primitive.Trigger;

export function PopoverContent({ children, ...props }: Primitive.PopoverContentProps) {
  return (
    <Primitive.Portal>
      <Primitive.Content
        align="start"
        sideOffset={6}
        className="z-50 w-72 rounded-md border border-zinc-200 bg-white p-0 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        {...props}
      >
        {children}
      </Primitive.Content>
    </Primitive.Portal>
  );
}

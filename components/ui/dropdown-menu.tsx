"use client";
// Radix's dropdown menu (keyboard, focus and ARIA handled) in this console's style.
import { DropdownMenu as Menu } from "radix-ui";
import { cn } from "@/lib/utils";
import { floatingPanel } from "./popover";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;

export function DropdownMenuContent({ className, align = "end", sideOffset = 6, ...props }: Menu.DropdownMenuContentProps) {
  return <Menu.Portal><Menu.Content align={align} sideOffset={sideOffset} className={cn(floatingPanel, "min-w-48 p-1", className)} {...props} /></Menu.Portal>;
}

export function DropdownMenuItem({ className, ...props }: Menu.DropdownMenuItemProps) {
  return (
    <Menu.Item
      className={cn("flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800", className)}
      {...props}
    />
  );
}

export function DropdownMenuLabel({ className, ...props }: Menu.DropdownMenuLabelProps) {
  return <Menu.Label className={cn("px-2 py-1.5 text-xs text-zinc-600 dark:text-zinc-400", className)} {...props} />;
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />;
}

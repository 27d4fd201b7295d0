"use client";
// Radix's dropdown menu (keyboard, focus and ARIA handled) in this console's style.
import { DropdownMenu as Menu } from "radix-ui";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;

export function DropdownMenuContent({ children, ...props }: Menu.DropdownMenuContentProps) {
  return (
    <Menu.Portal>
      <Menu.Content
        align="end"
        sideOffset={6}
        className="z-50 min-w-48 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        {...props}
      >
        {children}
      </Menu.Content>
    </Menu.Portal>
  );
}

export function DropdownMenuItem({ className = "", ...props }: Menu.DropdownMenuItemProps) {
  return (
    <Menu.Item
      className={`flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800 ${className}`}
      {...props}
    />
  );
}

export function DropdownMenuLabel(props: Menu.DropdownMenuLabelProps) {
  return <Menu.Label className="px-2 py-1.5 text-xs text-zinc-600 dark:text-zinc-400" {...props} />;
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />;
}

"use client";
// A table row's actions: one "⋯" button, whose menu lists what the viewer may do to the row, the destructive
// items last, apart and in red. A Radix menu item unmounts when the menu closes, so the dialogs the items open are
// held here, beside the menu, opened through their `control`; when one closes, focus goes back to the button.
import { Fragment, useId, useRef, useState, type ReactNode } from "react";
import type { DialogControl } from "./action-form";
import { Button } from "./button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "./dropdown-menu";

export interface RowMenuItem {
  /** the item's text, unique in its menu */
  label: string;
  /** for what cannot be undone (revoke, remove, archive, disable, sign out): after the separator, in red */
  danger?: boolean;
  /** the dialog the item opens */
  dialog?: (control: DialogControl) => ReactNode;
  /** or, for a dialog held elsewhere (the keys table's one roll dialog), what opens it, with the button to return focus to */
  onSelect?: (menuButton: HTMLElement) => void;
}

/**
 * `items`: what the viewer may do to this row; false or null for an action this row does not offer (so it is not
 * listed). Without any item there is no button.
 */
export function RowMenu({ name, items }: { name: string; items: (RowMenuItem | false | null | undefined)[] }) {
  // found when needed rather than held in a ref, as the dialogs' callbacks are made while drawing; not by its id,
  // which Radix sets to name the menu by it
  const buttonKey = useId();
  const menuButton = () => document.querySelector<HTMLElement>(`[data-row-menu="${CSS.escape(buttonKey)}"]`);
  const [openDialog, setOpenDialog] = useState<string | null>(null);
  // an item that opens a dialog keeps the closing menu from taking focus back to its button (the dialog has it)
  const itemChosen = useRef(false);

  const offered = items.filter((item): item is RowMenuItem => Boolean(item));
  if (offered.length === 0) return null;
  const safe = offered.filter((item) => !item.danger);
  const destructive = offered.filter((item) => item.danger);

  const choose = (item: RowMenuItem) => {
    itemChosen.current = true;
    if (item.dialog) setOpenDialog(item.label);
    else item.onSelect?.(menuButton()!);
  };
  const control = (item: RowMenuItem): DialogControl => ({
    open: openDialog === item.label,
    onOpenChange: (open) => {
      setOpenDialog(open ? item.label : null);
      // the dialog has no trigger of its own to return focus to; after its own focus handling, come back here
      // (unless the row went with what the dialog did)
      if (!open) setTimeout(() => menuButton()?.focus(), 0);
    },
  });
  const menuItem = (item: RowMenuItem) => (
    <DropdownMenuItem key={item.label} onSelect={() => choose(item)} className={item.danger ? "text-rose-700 data-[highlighted]:bg-rose-50 dark:text-rose-400 dark:data-[highlighted]:bg-rose-950" : undefined}>
      {item.label}
    </DropdownMenuItem>
  );

  return (
    <>
      {/* not modal: a modal menu closing under the dialog it opened can leave the page unclickable */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button data-row-menu={buttonKey} type="button" variant="secondary" className="px-2 py-1 leading-none" aria-label={`Actions for ${name}`}>
            <span aria-hidden="true">⋯</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent
          className="min-w-40"
          onCloseAutoFocus={(event) => {
            if (itemChosen.current) event.preventDefault();
            itemChosen.current = false;
          }}
        >
          {safe.map(menuItem)}
          {safe.length > 0 && destructive.length > 0 && <DropdownMenuSeparator />}
          {destructive.map(menuItem)}
        </DropdownMenuContent>
      </DropdownMenu>
      {offered.map((item) => item.dialog && <Fragment key={item.label}>{item.dialog(control(item))}</Fragment>)}
    </>
  );
}

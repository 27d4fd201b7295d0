// shadcn's class helper: later classes win over the ones they conflict with (a caller's `px-4` over a
// primitive's `px-3`), which plain string joining leaves to the stylesheet's order.
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

"use client";
// Sonner's toaster, one for the whole console: a toast confirms a change that succeeded, where a dialog closing
// or a form redrawn would otherwise say nothing. A failure never goes here: it stays in its form, to be read.
import { Toaster as Sonner } from "sonner";

export function Toaster() {
  return <Sonner position="bottom-right" closeButton theme="system" />;
}

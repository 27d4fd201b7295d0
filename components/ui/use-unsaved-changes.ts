"use client";
// Warns before the page goes while a form holds edits not yet saved: a reload, a closed tab or a typed URL
// (the browser's own beforeunload prompt), and the console's own navigation (a click on an in-app link, or a
// caller such as the tenant switcher asking `confirmLeavingUnsavedChanges()` before it pushes a route).
// Back and forward are not asked about: the App Router handles popstate itself and offers no way to cancel it.
//
// A form is unsaved while its controls differ from its starting values: those it was drawn with, and again after
// each successful save. A failed save keeps the starting values, so the edit it redraws stays unsaved; putting
// the values back ends the warning. A form that goes (a closed dialog, another page) takes its edits with it.
import { useEffect, useRef } from "react";

const LEAVE_QUESTION = "Leave this page? Changes you made are not saved.";

/** The ids of the forms on the page holding edits not yet saved. */
const unsavedForms = new Set<string>();

/** True when nothing would be lost, or the person agreed to lose it; for a navigation that is not a link click. */
export function confirmLeavingUnsavedChanges(): boolean {
  return unsavedForms.size === 0 || window.confirm(LEAVE_QUESTION);
}

function askBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  event.returnValue = ""; // Chromium before 119 asks only with returnValue set
}

/**
 * A click that the App Router would turn into a navigation to another page. A link to this page with another
 * query (a filter, a page of a list) redraws it around the form, which keeps what was typed.
 */
function leavingLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download") || (link.target && link.target !== "_self")) return null;
  const to = new URL(link.href);
  if (to.origin !== window.location.origin || to.pathname === window.location.pathname) return null;
  return link;
}

// On window, in the capture phase: before React's listeners on the document, so a Link declined here never runs.
function askBeforeFollowingLink(event: MouseEvent) {
  if (leavingLink(event) && !window.confirm(LEAVE_QUESTION)) {
    event.preventDefault();
    event.stopPropagation();
  }
}

function markUnsaved(formId: string, unsaved: boolean) {
  const before = unsavedForms.size;
  if (unsaved) unsavedForms.add(formId);
  else unsavedForms.delete(formId);
  if (before === 0 && unsavedForms.size > 0) {
    window.addEventListener("beforeunload", askBeforeUnload);
    window.addEventListener("click", askBeforeFollowingLink, true);
  } else if (before > 0 && unsavedForms.size === 0) {
    window.removeEventListener("beforeunload", askBeforeUnload);
    window.removeEventListener("click", askBeforeFollowingLink, true);
  }
}

/** What the person can change in `form`: every named control but hidden fields and buttons, in order. */
function valuesOf(form: HTMLFormElement): string {
  const values: [string, string | boolean][] = [];
  for (const control of Array.from(form.elements)) {
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement)) continue;
    if (!control.name || control.type === "hidden") continue;
    const checkable = control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio");
    values.push([control.name, checkable ? control.checked : control.value]);
  }
  return JSON.stringify(values);
}

/**
 * Tracks the form whose id is `formId` (useActionForm calls it for every form it runs): `revision` counts the
 * answered submissions, `saved` says whether the last one succeeded.
 */
export function useUnsavedChanges(formId: string, { revision, saved }: { revision: number; saved: boolean }) {
  const startingValues = useRef<string | null>(null);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    if (revision === 0 || saved || startingValues.current === null) startingValues.current = valuesOf(form);
    markUnsaved(formId, valuesOf(form) !== startingValues.current);
  }, [formId, revision, saved]);

  useEffect(() => {
    // on the document, so a form in a dialog's portal is heard too
    const onEdit = (event: Event) => {
      const form = (event.target as HTMLInputElement | null)?.form;
      if (form?.id === formId && startingValues.current !== null) markUnsaved(formId, valuesOf(form) !== startingValues.current);
    };
    document.addEventListener("input", onEdit);
    document.addEventListener("change", onEdit);
    return () => {
      document.removeEventListener("input", onEdit);
      document.removeEventListener("change", onEdit);
      markUnsaved(formId, false);
    };
  }, [formId]);
}

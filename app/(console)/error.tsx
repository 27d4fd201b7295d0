"use client";
// A console page that failed to render, inside the console's header: the page's error, with its reference.
import { ErrorNotice } from "@/components/ui/error-notice";

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} what="This page could not be shown." />;
}

"use client";
// A page outside the console (sign-in, no access), or the console's own frame, that failed to render.
import { ErrorNotice } from "@/components/ui/error-notice";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="px-6">
      <ErrorNotice error={error} retry={retry} what="Gatehouse could not show this page." />
    </main>
  );
}

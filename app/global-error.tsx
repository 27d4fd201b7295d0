"use client";
// The root layout itself failed: this replaces it, so it brings its own document and styles.
import { ErrorNotice } from "@/components/ui/error-notice";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <title>Something went wrong · Gatehouse</title>
        <main className="px-6">
          <ErrorNotice error={error} retry={retry} what="Gatehouse could not be shown." />
        </main>
      </body>
    </html>
  );
}

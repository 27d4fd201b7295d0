"use client";
// What every error boundary shows: what happened in plain words, the reference of the error (the digest Next
// gives an error thrown on the server, which its log line carries too), and two ways on.
import Link from "next/link";
import { Button } from "./button";
import { Card } from "./card";

/** The digest of an error thrown on the server; an error thrown in the browser has none. */
function referenceOf(error: unknown): string | null {
  const digest = typeof error === "object" && error !== null && "digest" in error ? error.digest : null;
  return typeof digest === "string" && digest ? digest : null;
}

export function ErrorNotice({ error, retry, what }: {
  /** the value the boundary caught */
  error: unknown;
  /** the boundary's retry: fetches and draws the failed part again */
  retry: () => void;
  /** what could not be shown, as a sentence: "This page could not be shown." */
  what: string;
}) {
  const reference = referenceOf(error);
  return (
    <div className="mx-auto max-w-lg space-y-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <Card className="space-y-3 text-sm">
        <p>
          {what} Something failed on our side, not in anything you did, and nothing that was saved is lost. It is
          often brief: try again in a moment.
        </p>
        {reference && (
          <p>
            If it keeps happening, tell your administrator this reference:{" "}
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono dark:bg-zinc-800">{reference}</code>
          </p>
        )}
        <div className="flex flex-wrap items-center gap-4 pt-1">
          <Button type="button" onClick={() => retry()}>Try again</Button>
          <Link href="/" className="font-medium text-sky-700 underline dark:text-sky-400">Back to the overview</Link>
        </div>
      </Card>
    </div>
  );
}

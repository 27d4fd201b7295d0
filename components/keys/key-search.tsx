"use client";
// The keys list's search. Submitting sets `q` in the URL (nuqs) and re-renders the server page from its first
// page; before hydration it is a plain GET form to the same URL, so it works without JavaScript too.
import { useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { keyListParsers } from "@/lib/domain/keys/list-params";

export function KeySearch({ path }: { path: string }) {
  const [{ status, q }, setParams] = useQueryStates(keyListParsers, { shallow: false });
  return (
    <form
      role="search"
      aria-label="Search keys"
      action={path}
      className="flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void setParams({ q: String(new FormData(event.currentTarget).get("q") ?? "") || null, page: null });
      }}
    >
      {status && <input type="hidden" name="status" value={status} />}
      <Input name="q" type="search" defaultValue={q ?? ""} aria-label="Name or key prefix" placeholder="Name or gth_… prefix" className="w-64" />
      <Button type="submit" variant="secondary">Search</Button>
    </form>
  );
}

import Link from "next/link";

/** A tenant in a list: its name, linking to its page, and its slug. */
export function TenantName({ slug, name }: { slug: string; name: string }) {
  return (
    <span>
      <Link href={`/t/${slug}`} className="font-medium hover:underline">{name}</Link>{" "}
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{slug}</span>
    </span>
  );
}

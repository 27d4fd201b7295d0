"use client";
import { useParams, useRouter } from "next/navigation";

export function TenantSwitcher({ tenants }: { tenants: { slug: string; name: string }[] }) {
  const router = useRouter();
  const { slug } = useParams<{ slug?: string }>();
  if (tenants.length === 0) return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">Tenant</span>
      <select
        value={slug ?? ""}
        onChange={(event) => router.push(event.target.value ? `/t/${event.target.value}` : "/")}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="">All tenants</option>
        {tenants.map((tenant) => (
          <option key={tenant.slug} value={tenant.slug}>{tenant.name}</option>
        ))}
      </select>
    </label>
  );
}

import { notFound } from "next/navigation";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getTenantForReader } from "@/lib/domain/tenants/queries";

// The check runs here, outside the loading.tsx boundary, so a tenant that is not yours answers 404 before any
// skeleton streams (inside the boundary it could only show "not found" with a 200). The page asks again.
export default async function TenantUsageLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const actor = await requireConsoleActor();
  const tenant = await getTenantForReader(actor, (await params).slug);
  if (!tenant || !can(actor, "usage.read", tenant.id)) notFound();
  return children;
}

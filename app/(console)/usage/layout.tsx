import { notFound } from "next/navigation";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

// The check runs here, outside the loading.tsx boundary, so anyone but staff gets a 404 before any skeleton
// streams (inside the boundary it could only show "not found" with a 200). The page's queries ask again.
export default async function StaffUsageLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireConsoleActor();
  if (!can(actor, "usage.read_platform", null)) notFound();
  return children;
}

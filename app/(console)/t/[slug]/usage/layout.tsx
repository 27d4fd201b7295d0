import { requireTenantPage } from "@/lib/auth/tenant-page";

// The check runs here, outside the loading.tsx boundary, so a tenant that is not yours answers 404 before any
// skeleton streams (inside the boundary it could only show "not found" with a 200). The page asks again.
export default async function TenantUsageLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  await requireTenantPage((await params).slug, "usage.read");
  return children;
}

import { PageHeader } from "@/components/ui/page-header";
import { ProjectsSection } from "@/components/projects/projects-section";
import { bindSlug, requireTenantPage, tenantPageTitle, type TenantPageProps } from "@/lib/auth/tenant-page";
import { archiveProjectAction, createProjectAction, renameProjectAction } from "./actions";

export const generateMetadata = tenantPageTitle("Projects");

export default async function TenantProjectsPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Projects" description={`Projects group the API keys of ${tenant.name}.`} />
      <ProjectsSection
        tenantId={tenant.id}
        actions={bindSlug(slug, { create: createProjectAction, rename: renameProjectAction, archive: archiveProjectAction })}
      />
    </>
  );
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ProjectsSection } from "@/components/projects/projects-section";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import { archiveProjectAction, createProjectAction, renameProjectAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Projects · ${(await params).slug}` };
}

export default async function TenantProjectsPage({ params }: Props) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Projects" description={`Projects group the API keys of ${tenant.name}.`} />
      <ProjectsSection
        tenantId={tenant.id}
        actions={{
          create: createProjectAction.bind(null, slug),
          rename: renameProjectAction.bind(null, slug),
          archive: archiveProjectAction.bind(null, slug),
        }}
      />
    </>
  );
}

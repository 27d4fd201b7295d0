import { Card } from "@/components/ui/card";
import { ProjectsTable } from "./projects-table";
import { currentActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/auth/authorize";
import { listProjects } from "@/lib/domain/projects/queries";
import type { FormAction } from "@/components/ui/use-action-form";
import { CreateProjectForm } from "./project-forms";

/** The tenant's projects, with create, rename and archive for those allowed to manage them (the page binds the actions). */
export async function ProjectsSection({ tenantId, actions }: {
  tenantId: string;
  actions: { create: FormAction; rename: FormAction; archive: FormAction };
}) {
  const actor = (await currentActor())!;
  const projects = await listProjects(actor, tenantId);
  const canManage = await allowedNow(actor, "project.manage", tenantId);
  const { rename, archive } = actions;

  return (
    <section aria-labelledby="projects-heading" className="space-y-3">
      <h2 id="projects-heading" className="text-lg font-semibold tracking-tight">Projects</h2>
      <ProjectsTable tenantId={tenantId} projects={projects} manage={canManage ? { rename, archive } : null} />
      {canManage && (
        <Card>
          <CreateProjectForm tenantId={tenantId} action={actions.create} />
        </Card>
      )}
    </section>
  );
}

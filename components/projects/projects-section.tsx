import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/format-time";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { currentActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/auth/authorize";
import { listProjects } from "@/lib/domain/projects/queries";
import { archiveProjectAction, createProjectAction, renameProjectAction } from "@/app/(console)/t/[slug]/projects-actions";
import { ArchiveProjectDialog, CreateProjectForm, RenameProjectDialog } from "./project-forms";

/** The tenant's projects, with create, rename and archive for those allowed to manage them. */
export async function ProjectsSection({ tenantId, slug }: { tenantId: string; slug: string }) {
  const actor = (await currentActor())!;
  const projects = await listProjects(actor, tenantId);
  const canManage = await allowedNow(actor, "project.manage", tenantId);
  const rename = renameProjectAction.bind(null, slug);
  const archive = archiveProjectAction.bind(null, slug);
  const columns = canManage ? 5 : 4;

  return (
    <section aria-labelledby="projects-heading" className="space-y-3">
      <h2 id="projects-heading" className="text-lg font-semibold tracking-tight">Projects</h2>
      <Table
        caption="Projects"
        head={<><Th>Name</Th><Th>Slug</Th><Th>Status</Th><Th>Created</Th>{canManage && <Th><span className="sr-only">Actions</span></Th>}</>}
      >
        {projects.length === 0 && (
          <EmptyRow columns={columns}>
            {canManage ? "No projects yet. Create one below to group this tenant's API keys." : "This tenant has no projects yet."}
          </EmptyRow>
        )}
        {projects.map((project) => {
          const archived = project.status === "archived";
          return (
            <Tr key={project.id}>
              <Td className={archived ? "text-zinc-600 dark:text-zinc-400" : ""}>{project.name}</Td>
              <Td className="font-mono text-xs">{project.slug}</Td>
              <Td><Badge tone={archived ? "neutral" : "green"}>{project.status}</Badge></Td>
              <Td className="tabular-nums">{formatDay(project.createdAt)}</Td>
              {canManage && (
                <Td className="text-right">
                  {!archived && (
                    <div className="flex justify-end gap-2">
                      <RenameProjectDialog tenantId={tenantId} project={project} action={rename} />
                      <ArchiveProjectDialog tenantId={tenantId} project={project} action={archive} />
                    </div>
                  )}
                </Td>
              )}
            </Tr>
          );
        })}
      </Table>
      {canManage && (
        <Card>
          <CreateProjectForm tenantId={tenantId} action={createProjectAction.bind(null, slug)} />
        </Card>
      )}
    </section>
  );
}

import "server-only";
import { mutation, MutationRefusal, type Tx } from "@/lib/db/mutation";
import { foundOr, scoped, tenantOrThrow } from "@/lib/domain/tenant-scope";
import { archiveInput, createInput, renameInput } from "./schemas";

const projectOf = (tx: Tx, tenantId: string, projectId: string) =>
  foundOr(scoped(tx, tenantId).project(projectId), "That project does not exist in this tenant.");

const auditTarget = (project: { id: string; name: string }) =>
  ({ projectId: project.id, targetId: project.id, targetName: project.name });

export const createProject = mutation({
  permission: "project.manage", event: "project.created",
  schema: createInput,
  async execute(tx, { tenantId, name, slug }) {
    await tenantOrThrow(tx, tenantId, { id: true });
    if (await tx.tenantProject.findUnique({ where: { tenantId_slug: { tenantId, slug } }, select: { id: true } })) {
      throw new MutationRefusal("conflict", `This tenant already has a project with the slug "${slug}".`);
    }
    const project = await tx.tenantProject.create({ data: { tenantId, name, slug } });
    return {
      data: project,
      audit: { ...auditTarget(project), after: { name, slug, status: project.status } },
    };
  },
});

export const renameProject = mutation({
  permission: "project.manage", event: "project.renamed",
  schema: renameInput, target: "projectId",
  async execute(tx, { tenantId, projectId, name }) {
    const project = await projectOf(tx, tenantId, projectId);
    if (project.status === "archived") throw new MutationRefusal("conflict", `${project.name} is archived: it can no longer be renamed.`);
    const renamed = await tx.tenantProject.update({ where: { id: project.id }, data: { name } });
    return {
      data: renamed,
      audit: { ...auditTarget(renamed), before: { name: project.name }, after: { name } },
    };
  },
});

export const archiveProject = mutation({
  permission: "project.manage", event: "project.archived",
  schema: archiveInput, target: "projectId",
  async execute(tx, { tenantId, projectId }) {
    const project = await projectOf(tx, tenantId, projectId);
    if (project.status === "archived") throw new MutationRefusal("conflict", `${project.name} is already archived.`);
    const archived = await tx.tenantProject.update({ where: { id: project.id }, data: { status: "archived" } });
    return {
      data: archived,
      audit: { ...auditTarget(archived), before: { status: project.status }, after: { status: archived.status } },
    };
  },
});

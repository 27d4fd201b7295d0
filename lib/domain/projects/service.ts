import "server-only";
import { z } from "zod";
import { mutate, MutationRefusal, type Tx } from "@/lib/db/mutation";
import type { Actor } from "@/lib/auth/principal";
import { PROJECT_SLUG_PATTERN, PROJECT_SLUG_RULE } from "./slug";

const tenantId = z.uuid("That is not a tenant id.");
const projectId = z.uuid("That is not a project id.");
const name = z.string("Give the project a name.").trim().min(1, "Give the project a name.").max(100, "At most 100 characters.");
const slug = z.string(PROJECT_SLUG_RULE).trim().regex(PROJECT_SLUG_PATTERN, PROJECT_SLUG_RULE);

const createInput = z.object({ tenantId, name, slug });
const renameInput = z.object({ tenantId, projectId, name });
const archiveInput = z.object({ tenantId, projectId });

/** The project, only when it belongs to `tenantId`: another tenant's project is not found, not forbidden. */
async function projectOf(tx: Tx, tenantId: string, projectId: string) {
  const project = await tx.tenantProject.findFirst({ where: { id: projectId, tenantId } });
  if (!project) throw new MutationRefusal("not_found", "That project does not exist in this tenant.");
  return project;
}

const auditTarget = (project: { id: string; name: string }) =>
  ({ projectId: project.id, targetType: "project", targetId: project.id, targetName: project.name });

export function createProject(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "project.manage",
    schema: createInput,
    tenantId: (input) => input.tenantId,
    async execute(tx, { tenantId, name, slug }) {
      if (!(await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) {
        throw new MutationRefusal("not_found", "That tenant does not exist.");
      }
      if (await tx.tenantProject.findUnique({ where: { tenantId_slug: { tenantId, slug } }, select: { id: true } })) {
        throw new MutationRefusal("conflict", `This tenant already has a project with the slug "${slug}".`);
      }
      const project = await tx.tenantProject.create({ data: { tenantId, name, slug } });
      return {
        data: project,
        audit: { action: "project.created", ...auditTarget(project), after: { name, slug, status: project.status } },
      };
    },
  }, input);
}

export function renameProject(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "project.manage",
    schema: renameInput,
    tenantId: (input) => input.tenantId,
    target: (input) => ({ targetType: "project", targetId: input.projectId }),
    async execute(tx, { tenantId, projectId, name }) {
      const project = await projectOf(tx, tenantId, projectId);
      if (project.status === "archived") throw new MutationRefusal("conflict", `${project.name} is archived: it can no longer be renamed.`);
      const renamed = await tx.tenantProject.update({ where: { id: project.id }, data: { name } });
      return {
        data: renamed,
        audit: { action: "project.renamed", ...auditTarget(renamed), before: { name: project.name }, after: { name } },
      };
    },
  }, input);
}

export function archiveProject(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "project.manage",
    schema: archiveInput,
    tenantId: (input) => input.tenantId,
    target: (input) => ({ targetType: "project", targetId: input.projectId }),
    async execute(tx, { tenantId, projectId }) {
      const project = await projectOf(tx, tenantId, projectId);
      if (project.status === "archived") throw new MutationRefusal("conflict", `${project.name} is already archived.`);
      const archived = await tx.tenantProject.update({ where: { id: project.id }, data: { status: "archived" } });
      return {
        data: archived,
        audit: { action: "project.archived", ...auditTarget(archived), before: { status: project.status }, after: { status: archived.status } },
      };
    },
  }, input);
}

"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { archiveProject, createProject, renameProject } from "@/lib/domain/projects/service";

export const createProjectAction = tenantPageActionOf(createProject);
export const renameProjectAction = tenantPageActionOf(renameProject);
export const archiveProjectAction = tenantPageActionOf(archiveProject);

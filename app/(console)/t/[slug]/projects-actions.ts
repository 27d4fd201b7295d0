"use server";
// Public POST endpoints: tenantPageAction resolves the actor, the service validates and authorizes.
import { tenantPageAction, type FormState } from "@/lib/auth/action";
import { archiveProject, createProject, renameProject } from "@/lib/domain/projects/service";

export async function createProjectAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, createProject);
}

export async function renameProjectAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, renameProject);
}

export async function archiveProjectAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, archiveProject);
}

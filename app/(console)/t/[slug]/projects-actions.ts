"use server";
// Each export here is a public POST endpoint: formAction resolves the actor and the service authorizes.
// The tenant slug is bound by the page and only names the page to refresh.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { archiveProject, createProject, renameProject } from "@/lib/domain/projects/service";

export async function createProjectAction(tenantSlug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, createProject);
  revalidatePath(`/t/${tenantSlug}`);
  return state;
}

export async function renameProjectAction(tenantSlug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, renameProject);
  revalidatePath(`/t/${tenantSlug}`);
  return state;
}

export async function archiveProjectAction(tenantSlug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, archiveProject);
  revalidatePath(`/t/${tenantSlug}`);
  return state;
}

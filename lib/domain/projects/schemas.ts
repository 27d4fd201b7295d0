// Inputs of the projects service, with the messages shown under each form field.
import { z } from "zod";
import { idOf, slugOf, tenantId, trimmedName } from "@/lib/domain/schemas";
import { PROJECT_SLUG_PATTERN, PROJECT_SLUG_RULE } from "./slug";

const projectId = idOf("a project");
const name = trimmedName("Give the project a name.", 100);

export const createInput = z.object({ tenantId, name, slug: slugOf(PROJECT_SLUG_PATTERN, PROJECT_SLUG_RULE) });
export const renameInput = z.object({ tenantId, projectId, name });
export const archiveInput = z.object({ tenantId, projectId });

// The project slug rule, shared by the service's schema and the create form's suggestion. The database's
// CHECK (tenant_projects_slug_format) holds the same pattern.
export const PROJECT_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;
export const PROJECT_SLUG_RULE = "2–40 characters: lowercase letters, digits and dashes, not starting or ending with a dash";

const MAX_SLUG_LENGTH = 40;

/** A slug suggested from a project's name ("Support Bot (EU)" → "support-bot-eu"); may still be too short. */
export function suggestProjectSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents dropped: "Café" → "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, "");
}

"use client";
// The project forms: create (with a slug suggested from the name), rename and archive (each in a dialog opened
// from the project's row menu).
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionDialog, type DialogControl } from "@/components/ui/action-form";
import { Field, FormError, Input } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { PROJECT_SLUG_RULE, suggestProjectSlug } from "@/lib/domain/projects/slug";

interface ProjectRef {
  id: string;
  name: string;
}

export function CreateProjectForm({ tenantId, action }: { tenantId: string; action: FormAction }) {
  // The slug follows the name until it is typed by hand (and again once it is emptied).
  const [slug, setSlug] = useState("");
  const slugTyped = useRef(false);
  const form = useActionForm(action, {
    successToast: "Project created",
    onSuccess: () => {
      setSlug("");
      slugTyped.current = false;
    },
  });

  return (
    <form key={form.revision} id={form.id} action={form.submit} className="space-y-3">
      <h3 className="font-medium">New project</h3>
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="new-project-name" label="Name" errors={form.errors("name")}>
          {(control) => (
            <Input
              {...control}
              name="name"
              // after a success the form starts empty; after an error it keeps what was typed
              defaultValue={form.value("name")}
              autoComplete="off"
              onChange={(event) => {
                if (!slugTyped.current) setSlug(suggestProjectSlug(event.target.value));
              }}
            />
          )}
        </Field>
        <Field id="new-project-slug" label="Slug" hint={`${PROJECT_SLUG_RULE}. Suggested from the name; you may edit it.`} errors={form.errors("slug")}>
          {(control) => (
            <Input
              {...control}
              name="slug"
              value={slug}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              onChange={(event) => {
                slugTyped.current = event.target.value !== "";
                setSlug(event.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <FormError message={form.message("tenantId")} />
      <Button disabled={form.pending}>{form.pending ? "Creating…" : "Create project"}</Button>
    </form>
  );
}

interface ProjectDialogProps {
  tenantId: string;
  project: ProjectRef;
  action: FormAction;
  control: DialogControl;
}

export function RenameProjectDialog({ tenantId, project, action, control }: ProjectDialogProps) {
  return (
    <ActionDialog
      title={`Rename ${project.name}`}
      description="The slug stays the same, so API keys and links that use it keep working."
      control={control}
      action={action}
      fields={{ tenantId, projectId: project.id }}
      submitLabel="Save name"
      pendingLabel="Saving…"
      successToast="Project renamed"
    >
      {(form) => (
        <Field id={`rename-${project.id}`} label="New name" errors={form.errors("name")}>
          {(control) => <Input {...control} name="name" defaultValue={form.value("name", project.name)} autoComplete="off" />}
        </Field>
      )}
    </ActionDialog>
  );
}

export function ArchiveProjectDialog({ tenantId, project, action, control }: ProjectDialogProps) {
  return (
    <ActionDialog
      title={`Archive ${project.name}?`}
      description="The project stays listed, marked archived, and can no longer be renamed. This cannot be undone here."
      control={control}
      action={action}
      fields={{ tenantId, projectId: project.id }}
      submitLabel={`Archive ${project.name}`}
      pendingLabel="Archiving…"
      successToast={`${project.name} archived`}
      danger
    />
  );
}

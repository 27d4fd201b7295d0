"use client";
// The project forms: create (with a slug suggested from the name), rename and archive (each in a dialog).
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";
import { PROJECT_SLUG_RULE, suggestProjectSlug } from "@/lib/domain/projects/slug";

export type ProjectFormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

interface ProjectRef {
  id: string;
  name: string;
}

const errorsFor = (state: FormState, field: string) =>
  state && !state.ok && state.kind === "validation" ? state.fieldErrors[field] : undefined;

const failure = (state: FormState) => (state && !state.ok ? state.message : null);

export function CreateProjectForm({ tenantId, action }: { tenantId: string; action: ProjectFormAction }) {
  // The slug follows the name until it is typed by hand (and again once it is emptied).
  const [slug, setSlug] = useState("");
  const slugTyped = useRef(false);
  const [state, submit, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next?.ok) {
      setSlug("");
      slugTyped.current = false;
    }
    return next;
  }, null);

  return (
    <form action={submit} className="space-y-3">
      <h3 className="font-medium">New project</h3>
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="new-project-name" label="Name" errors={errorsFor(state, "name")}>
          {(control) => (
            <Input
              {...control}
              name="name"
              // after a success the form starts empty; after an error it keeps what was typed
              defaultValue={state?.ok ? "" : state?.values.name}
              autoComplete="off"
              onChange={(event) => {
                if (!slugTyped.current) setSlug(suggestProjectSlug(event.target.value));
              }}
            />
          )}
        </Field>
        <Field id="new-project-slug" label="Slug" hint={`${PROJECT_SLUG_RULE}. Suggested from the name; you may edit it.`} errors={errorsFor(state, "slug")}>
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
      <FormError message={failure(state)} />
      <Button disabled={pending}>{pending ? "Creating…" : "Create project"}</Button>
    </form>
  );
}

/** A dialog whose form unmounts when it closes (so it reopens clean) and closes itself on success. */
function FormDialog({ trigger, title, description, children }: {
  trigger: React.ReactNode;
  title: string;
  description?: string;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>{children(() => setOpen(false))}</DialogContent>
    </Dialog>
  );
}

/** `action` run by useActionState, calling `onDone` once it succeeds. */
function useClosingAction(action: ProjectFormAction, onDone: () => void) {
  return useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next?.ok) onDone();
    return next;
  }, null);
}

export function RenameProjectDialog({ tenantId, project, action }: { tenantId: string; project: ProjectRef; action: ProjectFormAction }) {
  return (
    <FormDialog
      title={`Rename ${project.name}`}
      description="The slug stays the same, so API keys and links that use it keep working."
      trigger={<Button variant="secondary" aria-label={`Rename ${project.name}`}>Rename</Button>}
    >
      {(close) => <RenameForm tenantId={tenantId} project={project} action={action} onDone={close} />}
    </FormDialog>
  );
}

function RenameForm({ tenantId, project, action, onDone }: { tenantId: string; project: ProjectRef; action: ProjectFormAction; onDone: () => void }) {
  const [state, submit, pending] = useClosingAction(action, onDone);
  return (
    <form action={submit} className="space-y-4">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="projectId" value={project.id} />
      <Field id={`rename-${project.id}`} label="New name" errors={errorsFor(state, "name")}>
        {(control) => <Input {...control} name="name" defaultValue={state?.values.name ?? project.name} autoComplete="off" />}
      </Field>
      <FormError message={failure(state)} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
        <Button disabled={pending}>{pending ? "Saving…" : "Save name"}</Button>
      </div>
    </form>
  );
}

export function ArchiveProjectDialog({ tenantId, project, action }: { tenantId: string; project: ProjectRef; action: ProjectFormAction }) {
  return (
    <FormDialog
      title={`Archive ${project.name}?`}
      description="The project stays listed, marked archived, and can no longer be renamed. This cannot be undone here."
      trigger={<Button variant="danger" aria-label={`Archive ${project.name}`}>Archive</Button>}
    >
      {(close) => <ArchiveForm tenantId={tenantId} project={project} action={action} onDone={close} />}
    </FormDialog>
  );
}

function ArchiveForm({ tenantId, project, action, onDone }: { tenantId: string; project: ProjectRef; action: ProjectFormAction; onDone: () => void }) {
  const [state, submit, pending] = useClosingAction(action, onDone);
  return (
    <form action={submit} className="space-y-4">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="projectId" value={project.id} />
      <FormError message={failure(state)} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
        <Button variant="danger" disabled={pending}>{pending ? "Archiving…" : `Archive ${project.name}`}</Button>
      </div>
    </form>
  );
}

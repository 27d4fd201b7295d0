"use client";
// The columns of the tenant's projects (ProjectsSection reads them, and what the viewer may do, on the server).
import { Badge } from "@/components/ui/badge";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
import type { FormAction } from "@/components/ui/use-action-form";
import { formatDay } from "@/lib/format-time";
import { ArchiveProjectDialog, RenameProjectDialog } from "./project-forms";

export interface ProjectRow {
  id: string;
  name: string;
  slug: string;
  status: "active" | "archived";
  createdAt: Date;
}

const column = dataTableColumns<ProjectRow>();
const columns = column.columns([
  column.accessor("name", {
    header: "Name",
    cell: ({ row: { original: project } }) => <span className={project.status === "archived" ? "text-zinc-600 dark:text-zinc-400" : ""}>{project.name}</span>,
  }),
  column.accessor("slug", { header: "Slug", meta: { cellClassName: "font-mono text-xs" } }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <Badge tone={getValue() === "archived" ? "neutral" : "green"}>{getValue()}</Badge> }),
  column.accessor("createdAt", { header: "Created", meta: { cellClassName: "tabular-nums" }, cell: ({ getValue }) => formatDay(getValue()) }),
]);

/** `manage`: the viewer's rename and archive actions, or null when they may not manage projects. */
export function ProjectsTable({ tenantId, projects, manage }: {
  tenantId: string;
  projects: ProjectRow[];
  manage: { rename: FormAction; archive: FormAction } | null;
}) {
  return (
    <DataTable columns={columns} data={projects} caption="Projects" getRowId={(project) => project.id}
      empty={manage ? "No projects yet. Create one below to group this tenant's API keys." : "This tenant has no projects yet."}
      rowActions={manage ? (project) => project.status !== "archived" && (
        <RowMenu name={project.name} items={[
          { label: "Rename", dialog: (control) => <RenameProjectDialog tenantId={tenantId} project={project} action={manage.rename} control={control} /> },
          { label: "Archive", danger: true, dialog: (control) => <ArchiveProjectDialog tenantId={tenantId} project={project} action={manage.archive} control={control} /> },
        ]} />
      ) : undefined}
    />
  );
}

"use client";
// A tenant's routing rules in priority order (RulesSection reads them on the server). Owners move a rule by
// dragging its row, or with the keyboard by its row's Move up / Move down buttons, and edit, duplicate, enable or
// disable and delete it from its row menu.
import { createContext, startTransition, use, useOptimistic, useState, type DragEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ActionButton } from "@/components/ui/action-buttons";
import { ActionDialog } from "@/components/ui/action-form";
import { FormError } from "@/components/ui/field";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { providerLabel } from "@/lib/domain/providers/catalog";
import { cn } from "@/lib/utils";
import type { RuleListItem } from "@/lib/domain/routing/queries";
import type { SavedRule } from "@/lib/domain/routing/service";
import { RuleFormDialog, savedToast, STRATEGY_LABELS } from "./rule-form";
import type { SimulateAction } from "./simulation-panel";

/** The owner's actions, bound to the tenant's page. */
export interface RuleActions {
  create: FormAction<SavedRule>;
  update: FormAction<SavedRule>;
  duplicate: FormAction<SavedRule>;
  setEnabled: FormAction<SavedRule>;
  remove: FormAction;
  move: FormAction;
  /** the whole order at once, after a drag */
  reorder: FormAction;
  /** the what-if of the rules with the form's draft in them (a read) */
  simulate: SimulateAction;
}

const muted = "text-zinc-600 dark:text-zinc-400";

function matchesOf(rule: RuleListItem): string {
  const parts = [
    rule.matchModel && `model ${rule.matchModel}`, rule.matchFeature && `feature ${rule.matchFeature}`,
    rule.matchTeam && `team ${rule.matchTeam}`, rule.matchComplexity && `${rule.matchComplexity} complexity`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "any request";
}

function targetOf(rule: RuleListItem): string {
  const model = rule.strategy === "passthrough" ? "the requested model" : rule.targetModel ?? "the requested model";
  return rule.targetProvider ? `${model} at ${providerLabel(rule.targetProvider)}` : model;
}

// The move buttons need the tenant, the action and the rule count: through context, so the columns stay module-level.
const Mover = createContext<{ tenantId: string; move: FormAction; count: number } | null>(null);

function MoveButtons({ rule }: { rule: RuleListItem }) {
  const mover = use(Mover);
  if (!mover) return null;
  const fields = { tenantId: mover.tenantId, ruleId: rule.id };
  return (
    <div className="flex items-center gap-1">
      <span aria-hidden="true" title="Drag the row to move it" className="cursor-grab px-1 text-zinc-500 select-none">⠿</span>
      {rule.position > 1 && <ActionButton action={mover.move} fields={{ ...fields, direction: "up" }} label="↑" pendingLabel="…" accessibleLabel={`Move “${rule.name}” up`} successToast={null} />}
      {rule.position < mover.count && <ActionButton action={mover.move} fields={{ ...fields, direction: "down" }} label="↓" pendingLabel="…" accessibleLabel={`Move “${rule.name}” down`} successToast={null} />}
    </div>
  );
}

const column = dataTableColumns<RuleListItem>();
const columns = column.columns([
  column.accessor("position", { header: "#", meta: { cellClassName: "tabular-nums" } }),
  column.accessor("name", {
    header: "Rule",
    cell: ({ row: { original: rule } }) => (
      <div>
        <span className="font-medium">{rule.name}</span>{!rule.enabled && <> <Badge>Disabled</Badge></>}
        {rule.shadowedBy && rule.enabled && (
          <p className="text-xs text-amber-800 dark:text-amber-300">Never matches: “{rule.shadowedBy}” comes first and takes all its requests.</p>
        )}
      </div>
    ),
  }),
  column.display({ id: "matches", header: "Matches", cell: ({ row }) => <span className={row.original.matchModel ? "font-mono text-xs" : muted}>{matchesOf(row.original)}</span> }),
  column.accessor("strategy", { header: "Strategy", cell: ({ getValue }) => STRATEGY_LABELS[getValue()] }),
  column.display({
    id: "target", header: "Goes to",
    cell: ({ row: { original: rule } }) => (
      <div className="text-xs">
        <span className="font-mono">{targetOf(rule)}</span>
        {rule.fallbackModels.length > 0 && <span className={`block ${muted}`}>then {rule.fallbackModels.join(", ")}</span>}
      </div>
    ),
  }),
  column.display({ id: "order", header: "Order", cell: ({ row }) => <MoveButtons rule={row.original} /> }),
]);

export function NewRuleButton({ tenantId, rules, providers, actions }: { tenantId: string; rules: RuleListItem[]; providers: string[]; actions: RuleActions }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New rule</Button>
      <RuleFormDialog control={{ open, onOpenChange: setOpen }} tenantId={tenantId} providers={providers} action={actions.create}
        simulation={{ action: actions.simulate, rules }} />
    </>
  );
}

/** `rules` with the one of id `moved` put where `target` is (after it when moving down, before it when up), renumbered. */
function movedTo(rules: RuleListItem[], moved: string, target: string): RuleListItem[] {
  const from = rules.findIndex((rule) => rule.id === moved);
  const to = rules.findIndex((rule) => rule.id === target);
  if (from === -1 || to === -1 || from === to) return rules;
  const order = rules.filter((rule) => rule.id !== moved);
  order.splice(to, 0, rules[from]);
  return order.map((rule, i) => ({ ...rule, position: i + 1 }));
}

/**
 * Dragging a row over another puts it there on drop, saved as the whole order (reorderRules, which refuses an
 * order made on a stale page); the rows show the new order until the page's refresh brings the saved one.
 */
function useDragOrder(tenantId: string, rules: RuleListItem[], reorder: FormAction | null) {
  const [shown, show] = useOptimistic(rules);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const form = useActionForm(reorder ?? (async () => null), { successToast: "Order saved" });

  function drop(target: string) {
    const moved = dragged;
    setDragged(null);
    setOver(null);
    if (moved === null || moved === target) return;
    const order = movedTo(shown, moved, target);
    const fields = new FormData();
    fields.set("tenantId", tenantId);
    fields.set("order", order.map((rule) => rule.id).join(","));
    startTransition(() => {
      show(order);
      form.submit(fields);
    });
  }

  const rowProps = (rule: RuleListItem) => ({
    draggable: true,
    className: cn("cursor-grab", dragged === rule.id && "opacity-50", over === rule.id && dragged !== rule.id && "bg-sky-50 outline-2 outline-sky-600 dark:bg-sky-950"),
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", rule.name);
      setDragged(rule.id);
    },
    onDragOver: (event: DragEvent) => {
      if (dragged === null) return; // not one of these rows: nothing to drop here
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setOver(rule.id);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      drop(rule.id);
    },
    onDragEnd: () => {
      setDragged(null);
      setOver(null);
    },
  });
  // the refusal's message is focused when it comes (useActionForm looks in the element of form.id)
  return { shown, rowProps: reorder ? rowProps : undefined, errorId: form.id, error: form.message("tenantId", "order") };
}

/** `actions`: null for a viewer who may not change rules (no order buttons, no drag, no menus). */
export function RulesTable({ tenantId, rules, providers, actions, empty }: {
  tenantId: string;
  rules: RuleListItem[];
  providers: string[];
  actions: RuleActions | null;
  empty: React.ReactNode;
}) {
  const drag = useDragOrder(tenantId, rules, actions?.reorder ?? null);
  return (
    <Mover value={actions && { tenantId, move: actions.move, count: rules.length }}>
      <div id={drag.errorId}><FormError message={drag.error} /></div>
      <DataTable columns={actions ? columns : columns.filter((c) => c.id !== "order")} data={drag.shown} caption="Routing rules, first match wins" getRowId={(r) => r.id} empty={empty}
        rowProps={drag.rowProps}
        rowActions={actions ? (rule) => (
          <RowMenu name={rule.name} items={[
            { label: "Edit…", dialog: (control) => <RuleFormDialog control={control} tenantId={tenantId} rule={rule} providers={providers} action={actions.update} simulation={{ action: actions.simulate, rules }} /> },
            {
              label: "Duplicate",
              dialog: (control) => (
                <ActionDialog control={control} action={actions.duplicate} fields={{ tenantId, ruleId: rule.id }} title={`Duplicate “${rule.name}”?`}
                  description="The copy goes right after it, enabled as it is." submitLabel="Duplicate" successToast={savedToast} />
              ),
            },
            {
              label: rule.enabled ? "Disable" : "Enable", danger: rule.enabled,
              dialog: (control) => (
                <ActionDialog control={control} action={actions.setEnabled} fields={{ tenantId, ruleId: rule.id, enabled: String(!rule.enabled) }}
                  title={`${rule.enabled ? "Disable" : "Enable"} “${rule.name}”?`}
                  description={rule.enabled ? "The gateway skips it from the moment this is saved: its requests go to the next rule that matches." : "The gateway applies it again, in its place in the order."}
                  submitLabel={rule.enabled ? "Disable" : "Enable"} danger={rule.enabled} successToast={savedToast} />
              ),
            },
            {
              label: "Delete", danger: true,
              dialog: (control) => (
                <ActionDialog control={control} action={actions.remove} fields={{ tenantId, ruleId: rule.id }} danger title={`Delete “${rule.name}”?`}
                  description="Its requests go to the next rule that matches; the rules after it move up." submitLabel="Delete" successToast={`“${rule.name}” deleted`} />
              ),
            },
          ]} />
        ) : undefined}
      />
    </Mover>
  );
}

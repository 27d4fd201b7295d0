"use client";
// The staff page's controls for one person, each a dialog (opened from the person's row menu) that says what will
// happen before it runs one server action (app/(console)/staff/actions.ts). A failure stays in the dialog to be
// read; success closes it.
import { useState } from "react";
import { Select } from "@/components/ui/field";
import { ActionDialog, type DialogControl } from "@/components/ui/action-form";
import type { FormAction } from "@/components/ui/use-action-form";
import type { StaffRole } from "@/lib/db/generated/enums";

type Choice = StaffRole | "none";
const CHOICES: { value: Choice; label: string }[] = [
  { value: "none", label: "No staff role" },
  { value: "admin", label: "Admin: changes everything" },
  { value: "sales", label: "Sales: tenants' lifecycle and commercial details" },
  { value: "support", label: "Support: reads everything" },
];

/** A dialog whose form runs `action` for `userId`. */
function PersonDialog({ userId, danger = false, confirmLabel, children, ...dialog }: {
  action: FormAction;
  userId: string;
  control: DialogControl;
  danger?: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  successToast: string;
  children?: React.ReactNode;
}) {
  return (
    <ActionDialog
      {...dialog}
      fields={{ userId }}
      // the only visible control (the staff role's select) keeps its own state, so redrawing loses nothing, and
      // has no place for an error of its own: the form says them all
      fieldsWithoutControl={["staffRole"]}
      submitLabel={confirmLabel}
      danger={danger}
    >
      {() => children}
    </ActionDialog>
  );
}

/** Gives, changes or takes away a person's staff role; the confirmation names what it will do. */
export function StaffRoleDialog({ action, userId, name, staffRole, control }: {
  action: FormAction; userId: string; name: string; staffRole: StaffRole | null; control: DialogControl;
}) {
  const [selected, setSelected] = useState<Choice>(staffRole ?? "none");
  const confirmLabel = selected === "none" ? `Remove ${name}'s staff role` : `Make ${name} ${selected}`;
  return (
    <PersonDialog
      action={action}
      userId={userId}
      control={control}
      title={`Staff role of ${name}`}
      description="A staff role reaches every tenant. It takes effect on the person's next page."
      confirmLabel={confirmLabel}
      successToast={selected === "none" ? `${name} has no staff role now` : `${name} is now ${selected}`}
    >
      <div className="space-y-1 text-sm">
        <label htmlFor={`staff-role-${userId}`} className="block font-medium">Staff role</label>
        <Select id={`staff-role-${userId}`} name="staffRole" value={selected} onChange={(e) => setSelected(e.target.value as Choice)}>
          {CHOICES.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
        </Select>
      </div>
    </PersonDialog>
  );
}

/** Disables an enabled account, or enables a disabled one, after saying what that does. */
export function AccountDialog({ action, userId, name, disabled, control }: {
  action: FormAction; userId: string; name: string; disabled: boolean; control: DialogControl;
}) {
  return disabled ? (
    <PersonDialog
      action={action}
      userId={userId}
      control={control}
      title={`Enable ${name}?`}
      description={`${name} can sign in again, with the staff role and tenants they had.`}
      confirmLabel="Enable account"
      successToast={`${name} can sign in again`}
    />
  ) : (
    <PersonDialog
      action={action}
      userId={userId}
      control={control}
      danger
      title={`Disable ${name}?`}
      description={`Every session of ${name} ends at once, and their sign-in is refused until an admin enables them again. Their staff role, tenants and API keys stay.`}
      confirmLabel="Disable account"
      successToast={`${name} is disabled and signed out everywhere`}
    />
  );
}

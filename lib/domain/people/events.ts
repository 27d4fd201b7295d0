// The audit events of people and their sign-in, all platform events (no tenant), named `noun.verb` as Stripe
// names its events. Kept together here until every event name joins one typed list.

export const PEOPLE_EVENTS = {
  /** a person's first sign-in created their user row */
  created: "user.created",
  /** their GitHub account was linked to that row */
  accountLinked: "user.account_linked",
  /** a session opened */
  signedIn: "user.signed_in",
  /** they signed a session out */
  signedOut: "user.signed_out",
  /** a sign-in was turned away, with a `reason` (SignInRefusal) in its metadata */
  signInRefused: "user.sign_in_refused",
  /** a staff role given, changed or taken away (before / after), by an admin or by the bootstrap */
  staffRoleChanged: "user.staff_role_changed",
  /** disabled: their sessions ended, and their sign-in is refused until they are enabled again */
  disabled: "user.disabled",
  enabled: "user.enabled",
} as const;

/** Why a sign-in was turned away. */
export type SignInRefusal =
  /** no membership, staff role or pending invitation */
  | "not_a_member"
  /** no membership or staff role, and GitHub named no verified e-mail an invitation could match */
  | "no_verified_email"
  | "disabled"
  /** a GitHub id no real account has (≤ 0), outside the local demo */
  | "demo_identity";

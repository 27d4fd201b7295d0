// Whom a tenant's people contact about their account: its sales owner, else the account team.
export type AccountContactPerson = { name: string; email: string | null } | null;

export function AccountContact({ contact }: { contact: AccountContactPerson }) {
  if (!contact) return <>your account team</>;
  if (!contact.email) return <>{contact.name}, your account manager</>;
  return <>{contact.name}, your account manager (<a href={`mailto:${contact.email}`} className="underline">{contact.email}</a>)</>;
}

// Who can sign in through the local GitHub stand-in (scripts/github-dev-server.ts): the demo people of the seed and
// three people it has no row for yet, each with a note saying what they may do in the demo.
import { DEMO_PEOPLE, DEMO_TENANTS, type DemoPerson } from "../prisma/demo-data";

export interface DevIdentity {
  /** Negative for every demo identity, as no GitHub account's id is (see DemoPerson in prisma/demo-data.ts). */
  githubId: number;
  login: string;
  name: string;
  email: string | null;
  /** Like a GitHub user with a private email: /user says null, only /user/emails tells. */
  emailsEndpointOnly?: boolean;
  /** Shown beside the sign-in button, e.g. "owner of acme". */
  note?: string;
}

export function demoIdentities(): DevIdentity[] {
  return [
    ...DEMO_PEOPLE.map((person) => ({ ...person, note: demoNote(person) })),
    { githubId: -200001, login: "new-hire", name: "Nia Newhire", email: "newhire@acme.example", emailsEndpointOnly: true,
      note: "invited to acme" },
    { githubId: -200002, login: "stranger", name: "Stan Stranger", email: "stan@nowhere.example", note: "no access anywhere" },
    { githubId: -200003, login: "otto-invitee", name: "Otto Invitee", email: "otto@acme.example", note: "not invited yet: an owner of acme can invite otto@acme.example" },
  ];
}

function demoNote(person: DemoPerson): string | undefined {
  if (person.staffRole) return `${person.staffRole} staff`;
  for (const tenant of DEMO_TENANTS) {
    const membership = tenant.members.find(([login]) => login === person.login);
    if (membership) return `${membership[1]} of ${tenant.slug}`;
  }
  return undefined;
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { MembersSection } from "@/components/members/members-section";
import { InvitationsSection } from "@/components/members/invitations-section";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import {
  changeMemberRoleAction, inviteMemberAction, removeMemberAction, resendInvitationAction, revokeInvitationAction,
} from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Members · ${(await params).slug}` };
}

export default async function TenantMembersPage({ params }: Props) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug, "member.read");
  return (
    <>
      <PageHeader title="Members" description={`The people of ${tenant.name}, their roles, and who is invited to join.`} />
      <MembersSection
        tenantId={tenant.id}
        actions={{ changeRole: changeMemberRoleAction.bind(null, slug), remove: removeMemberAction.bind(null, slug) }}
      />
      <InvitationsSection
        tenantId={tenant.id}
        actions={{
          invite: inviteMemberAction.bind(null, slug),
          resend: resendInvitationAction.bind(null, slug),
          revoke: revokeInvitationAction.bind(null, slug),
        }}
      />
    </>
  );
}

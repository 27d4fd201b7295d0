import { PageHeader } from "@/components/ui/page-header";
import { MembersSection } from "@/components/members/members-section";
import { InvitationsSection } from "@/components/members/invitations-section";
import { bindSlug, requireTenantPage, tenantPageTitle, type TenantPageProps } from "@/lib/auth/tenant-page";
import {
  changeMemberRoleAction, inviteMemberAction, removeMemberAction, resendInvitationAction, revokeInvitationAction,
} from "./actions";

export const generateMetadata = tenantPageTitle("Members");

export default async function TenantMembersPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug, "member.read");
  return (
    <>
      <PageHeader title="Members" description={`The people of ${tenant.name}, their roles, and who is invited to join.`} />
      <MembersSection tenantId={tenant.id} actions={bindSlug(slug, { changeRole: changeMemberRoleAction, remove: removeMemberAction })} />
      <InvitationsSection
        tenantId={tenant.id}
        actions={bindSlug(slug, { invite: inviteMemberAction, resend: resendInvitationAction, revoke: revokeInvitationAction })}
      />
    </>
  );
}

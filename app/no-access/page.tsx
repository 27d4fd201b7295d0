import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "No access" };
export const dynamic = "force-dynamic";

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  // a signed-in person here lost their last membership: signing in again accepts any new invitation
  const signedIn = (await currentActor()) !== null;
  // sign-in sends here a person GitHub names no verified e-mail for (lib/auth/options.ts)
  const noVerifiedEmail = (await searchParams).reason === "no_verified_email";
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold tracking-tight">No access</h1>
      <Card className="space-y-3 text-sm">
        {noVerifiedEmail ? (
          <p>
            Your GitHub account is not a member of any tenant, and GitHub told us of no verified e-mail address, so no
            invitation can match it. Verify your e-mail address on GitHub (Settings, Emails), then sign in again.
          </p>
        ) : (
          <p>
            Your GitHub account is not a member of any tenant and has no pending invitation. Ask an owner of your
            tenant to invite the email address that is verified on your GitHub account, then sign in again.
          </p>
        )}
        {signedIn ? <SignOutButton /> : (
          <Link href="/sign-in" className="font-medium text-sky-700 underline dark:text-sky-400">Back to sign-in</Link>
        )}
      </Card>
    </main>
  );
}
